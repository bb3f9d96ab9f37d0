// Builds dist/ once before the suites that run the built tlap (bin/tlap.js, the package by its
// name), so no two suites rebuild it at the same time. TLAP_SKIP_BUILD=1 skips it: npm test
// builds it in scripts/checks.js beside the type-check, and npm run test:fast's suites all run the
// sources.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildOnce() {
  if (process.env.TLAP_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
