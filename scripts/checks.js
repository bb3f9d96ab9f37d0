#!/usr/bin/env node
// npm test's checks before jest, run side by side so that they take the time of the longest one:
// the type-check of src/ and test/, the build of dist/ (for the suites that run the built CLI or
// import the package by name; jest's global set-up then skips it) and Prettier's check
// (`npm run format:check`, cached by file content in node_modules/.cache/prettier). Each check's
// output is printed whole when it ends; the exit status is 1 when any of them failed.
import { spawn } from 'node:child_process';

const tsc = 'node_modules/typescript/bin/tsc';
const checks = [
  { name: 'the type-check', command: process.execPath, args: [tsc, '-p', 'tsconfig.test.json'] },
  { name: 'the build of dist/', command: process.execPath, args: [tsc, '-p', 'tsconfig.json'] },
  { name: 'the format check (npm run format to fix)', command: 'npm', args: ['run', '--silent', 'format:check'] },
];

function runCheck({ name, command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ name, ok: false, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output: Buffer.concat(output).toString('utf8') }));
  });
}

const results = await Promise.all(checks.map(runCheck));
for (const { name, ok, output } of results) {
  if (output !== '') process.stderr.write(output);
  if (!ok) process.stderr.write(`npm test: ${name} failed\n`);
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
