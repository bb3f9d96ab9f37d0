// Before any suite runs:
//
// Builds dist/ once for the suites that run the built tlap (bin/tlap.js, the package by its
// name), so no two suites rebuild it at the same time. TLAP_SKIP_BUILD=1 skips it: npm test
// builds it in scripts/checks.js beside the type-check, and npm run test:fast's suites all run the
// sources.
//
// Points TMPDIR at a folder of its own in /dev/shm (memory), where there is one and TMPDIR is not
// set and it has room (a container's default /dev/shm is 64 MB, too small): the suites write hundreds of stores and reports to temporary folders, and each store's
// close and each atomic write syncs to disk, which on a shared machine's busy disk left the
// workers waiting (a fifth of the wall time of the store, CLI and ingest suites). The workers
// and every process a suite starts inherit it; test/global-teardown.js removes the folder.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MEMORY_FOLDER = '/dev/shm';
// Some suites write oversized inputs of tens of megabytes each, several at once; with less free
// room than this the disk is the safer place for them.
const MEMORY_FOLDER_MIN_FREE_BYTES = 2 * 1024 ** 3;

export default function globalSetup() {
  if (process.env.TMPDIR === undefined && writableWithRoom(MEMORY_FOLDER)) {
    process.env.TMPDIR = mkdtempSync(join(MEMORY_FOLDER, 'tlap-tests-'));
    process.env.TLAP_TESTS_TMPDIR = process.env.TMPDIR;
  }
  if (process.env.TLAP_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}

function writableWithRoom(folder) {
  try {
    accessSync(folder, constants.W_OK);
    const { bavail, bsize } = statfsSync(folder);
    return bavail * bsize >= MEMORY_FOLDER_MIN_FREE_BYTES;
  } catch {
    return false;
  }
}
