import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS = join(ROOT, 'docs');

/** The manual and the documents it links to: README.md and every markdown file in docs/. */
const MANUAL_FILES = [
  join(ROOT, 'README.md'),
  ...(existsSync(DOCS) ? readdirSync(DOCS).filter((name) => name.endsWith('.md')) : []).map((name) => join(DOCS, name)),
];

/** A markdown file's lines with fenced code blocks blanked, so that code is never read as a heading or a link. */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as `-`, repeats numbered. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const slug = (heading[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every relative link in a file's prose (not in code), as `target` with its line number. */
function relativeLinks(text: string): { line: number; target: string }[] {
  return proseLines(text).flatMap((line, index) =>
    [...line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1] ?? '')
      .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target))
      .map((target) => ({ line: index + 1, target })),
  );
}

/** What is wrong with one link: its file is missing, or its anchor names no heading there. */
function brokenLink(from: string, target: string): string | null {
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? from : resolve(dirname(from), decodeURIComponent(path));
  if (!existsSync(file)) return 'no such file';
  if (anchor === undefined || !file.endsWith('.md')) return null;
  return headingAnchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor)) ? null : 'no such heading';
}

describe("the manual's links", () => {
  test('every relative link in README.md and docs/ names a file that exists, and a heading in it', () => {
    const broken = MANUAL_FILES.flatMap((file) =>
      relativeLinks(readFileSync(file, 'utf8')).flatMap(({ line, target }) => {
        const problem = brokenLink(file, target);
        return problem === null ? [] : [`${relative(ROOT, file)}:${line}: ${target} (${problem})`];
      }),
    );
    expect(broken).toEqual([]);
  });

  test('every document in docs/ is linked from README.md, and links back to it', () => {
    const readmeTargets = new Set(relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map(({ target }) => target.split('#')[0]));
    const unlinked = MANUAL_FILES.slice(1).flatMap((file) => {
      const name = relative(ROOT, file);
      const backToReadme = relativeLinks(readFileSync(file, 'utf8')).some(({ target }) => target.split('#')[0] === '../README.md');
      return [
        ...(readmeTargets.has(name) ? [] : [`${name} is not linked from README.md`]),
        ...(backToReadme ? [] : [`${name} has no link to README.md`]),
      ];
    });
    expect(unlinked).toEqual([]);
  });

  test('the anchors are the ones GitHub writes', () => {
    const anchors = headingAnchors(
      '# tlap\n## `tlap ingest <paths…>`\n### Tables and JSON (any channel)\n```\n# not a heading\n```\n## Notes\n## Notes\n',
    );
    expect([...anchors]).toEqual(['tlap', 'tlap-ingest-paths', 'tables-and-json-any-channel', 'notes', 'notes-1']);
  });

  test("docs/ ships in the package, so that the README's links resolve in an installed copy too", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files?: string[] };
    expect(manifest.files).toContain('docs/');
  });

  test('a link to a missing heading or file is found', () => {
    const readme = join(ROOT, 'README.md');
    expect([
      brokenLink(readme, '#no-such-heading'),
      brokenLink(readme, 'docs/no-such-file.md'),
      brokenLink(readme, '#the-codebook'),
    ]).toEqual(['no such heading', 'no such file', null]);
  });
});
