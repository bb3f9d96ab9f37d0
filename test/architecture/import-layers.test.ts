import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';

/**
 * The floors of src/, top down. A file may import from its own floor or any floor below it, never
 * above; `.` is the files directly in src/ (errors, exit codes, the version), below everything but
 * `index.ts`, the library's public face, which stands above all.
 */
const LAYERS: readonly string[] = [
  'index.ts',
  'cli',
  'run',
  'analysis',
  'report',
  'themes',
  'stats',
  'ingest',
  'codebook',
  'adapters',
  'store',
  'source',
  'text',
  'privacy',
  'record',
  '.',
];

/** Packages that only the CLI may load: the library never speaks in flags or colours. */
const CLI_ONLY_PACKAGES: readonly string[] = ['commander', 'chalk'];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The floor of a file: its first folder under src/, `.` for files in src/ itself, `index.ts` for the entry. */
function layerOf(file: string): string {
  const path = relative(SRC, file);
  if (path === 'index.ts') return 'index.ts';
  const slash = path.indexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
}

function importsOf(file: string): { local: ImportEdge[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const local: ImportEdge[] = [];
  const packages: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (specifier === undefined) continue;
    if (specifier.startsWith('.')) {
      local.push({ from: file, to: resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), specifier });
    } else {
      packages.push(specifier);
    }
  }
  return { local, packages };
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Every cycle among files, found with Tarjan's strongly connected components (iteratively). */
function fileCycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of files) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const edges = graph.get(frame.node)?.local ?? [];
      const edge = edges[frame.next];
      if (edge !== undefined) {
        frame.next += 1;
        if (!graph.has(edge.to)) continue;
        if (!index.has(edge.to)) {
          index.set(edge.to, counter);
          low.set(edge.to, counter);
          counter += 1;
          stack.push(edge.to);
          onStack.add(edge.to);
          work.push({ node: edge.to, next: 0 });
        } else if (onStack.has(edge.to)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(edge.to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(relative(SRC, member));
        } while (member !== frame.node);
        if (component.length > 1) components.push(component.sort());
      }
    }
  }
  return components;
}

describe('the import graph of src/', () => {
  test('every file belongs to a known floor', () => {
    const unknown = [...new Set(files.map(layerOf))].filter((layer) => !LAYERS.includes(layer));
    expect(unknown).toEqual([]);
  });

  test('imports point down the floors, never up', () => {
    const upward = [...graph.values()]
      .flatMap(({ local }) => local)
      .filter((edge) => LAYERS.indexOf(layerOf(edge.to)) < LAYERS.indexOf(layerOf(edge.from)))
      .map(
        (edge) =>
          `${relative(SRC, edge.from)} imports ${edge.specifier}: ${layerOf(edge.from)}/ is below ${layerOf(edge.to)}/ (move the shared part down)`,
      );
    expect(upward).toEqual([]);
  });

  test('no file imports itself back through others (no cycles)', () => {
    expect(fileCycles()).toEqual([]);
  });

  test('every relative import names a file that exists', () => {
    const missing = [...graph.values()]
      .flatMap(({ local }) => local)
      .filter((edge) => !graph.has(edge.to))
      .map((edge) => `${relative(SRC, edge.from)}: ${edge.specifier}`);
    expect(missing).toEqual([]);
  });

  test('only the CLI loads commander and chalk', () => {
    const offending = [...graph.entries()]
      .filter(([file]) => layerOf(file) !== 'cli')
      .flatMap(([file, { packages }]) =>
        packages.filter((name) => CLI_ONLY_PACKAGES.includes(name)).map((name) => `${relative(SRC, file)} imports ${name}`),
      );
    expect(offending).toEqual([]);
  });

  test('src/index.ts only re-exports: the public surface is chosen there, defined elsewhere', () => {
    const code = readFileSync(join(SRC, 'index.ts'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const statements = code
      .split(';')
      .map((statement) => statement.trim())
      .filter((statement) => statement !== '');
    const other = statements.filter((statement) => !/^export (type )?(\{[^}]*\}|\*) from '\.\/[^']+'$/.test(statement));
    expect(other).toEqual([]);
  });

  test('the cycle finder sees a cycle when there is one', () => {
    const a = join(SRC, '__a.ts');
    const b = join(SRC, '__b.ts');
    files.push(a, b);
    graph.set(a, { local: [{ from: a, to: b, specifier: './__b.js' }], packages: [] });
    graph.set(b, { local: [{ from: b, to: a, specifier: './__a.js' }], packages: [] });
    try {
      expect(fileCycles()).toEqual([['__a.ts', '__b.ts']]);
    } finally {
      files.splice(files.indexOf(a), 2);
      graph.delete(a);
      graph.delete(b);
    }
  });
});
