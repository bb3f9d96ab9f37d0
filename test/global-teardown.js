// Removes the temporary folder test/global-setup.js made in /dev/shm, with whatever a suite left in it.
import { rmSync } from 'node:fs';

export default function globalTeardown() {
  const folder = process.env.TLAP_TESTS_TMPDIR;
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
}
