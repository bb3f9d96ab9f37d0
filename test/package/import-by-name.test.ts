import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from '@jest/globals';
import { withTempDir } from '../builders/temp-dir.js';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The first ```js block under the README's "Use it from code" heading. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Use it from code\n'));
  const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md has no js example under "Use it from code"');
  return block;
}

/** A folder outside the project where `tlap` is an installed package (node_modules/tlap links to the project). */
async function consumerFolder(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules'));
  await symlink(ROOT, join(dir, 'node_modules', 'tlap'), 'dir');
  await cp(join(ROOT, 'fixtures/demo/exports'), join(dir, 'exports'), { recursive: true });
  await cp(join(ROOT, 'themes.yaml'), join(dir, 'themes.yaml'));
}

/** dist/ is built once for the whole run by test/global-setup.js. */
describe('tlap imported by its name from another folder', () => {
  test('package.json points the name at the built entry and its types', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['exports']).toEqual({
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './package.json': './package.json',
    });
    expect(manifest['types']).toBe('./dist/index.d.ts');
    expect(manifest['bin']).toEqual({ tlap: 'bin/tlap.js' });
    await expect(readFile(join(ROOT, 'dist/index.d.ts'), 'utf8')).resolves.toContain('readExports');
  });

  test("the README's example runs as written: records with their accounting, codebook, evidence, report", async () => {
    await withTempDir(async (dir) => {
      await consumerFolder(dir);
      await writeFile(join(dir, 'example.mjs'), await readmeExample());
      const { stdout, stderr } = await run(process.execPath, ['example.mjs'], { cwd: dir });
      const lines = stdout.trimEnd().split('\n');
      const title = /^title: (.+)$/m.exec(await readFile(join(dir, 'themes.yaml'), 'utf8'))?.[1];
      expect(lines.at(-1)).toBe(`# ${title ?? ''}`);
      const hits = lines.slice(0, -1);
      expect(hits).toEqual(expect.arrayContaining([expect.stringMatching(/^carers: "Carers" at 0-6 \(themes\.yaml:\d+\)$/)]));
      const text = 'Carers told us the personal budget does not cover respite.';
      for (const line of hits) {
        const [, words, start, end] = /^[a-z-]+: "([^"]+)" at (\d+)-(\d+) /.exec(line) ?? [];
        expect(text.slice(Number(start), Number(end))).toBe(words);
      }
      expect(stderr).toMatch(/^\d+ read, \d+ records, \d+ rejected$/m);
    });
  });

  test('an import that names the package finds each part of the public surface', async () => {
    await withTempDir(async (dir) => {
      await consumerFolder(dir);
      const script = `import * as tlap from 'tlap';\nconsole.log(Object.keys(tlap).sort().join(' '));\n`;
      await writeFile(join(dir, 'surface.mjs'), script);
      const { stdout } = await run(process.execPath, ['surface.mjs'], { cwd: dir });
      const names = stdout.trim().split(' ');
      for (const name of [
        'readExports',
        'readStoreRecords',
        'loadCodebook',
        'ThemeMatcher',
        'buildThemeReport',
        'renderReport',
        'REJECTION_CODES',
      ]) {
        expect(names).toContain(name);
      }
    });
  });
});
