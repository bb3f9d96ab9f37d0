import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../src/exit-codes.js';
import { decodeHtmlEntities } from '../../src/text/html-entities.js';
import { runCli } from '../builders/cli-runner.js';
import { PROJECT_ROOT } from './read-fixture.js';

const FORMATS = ['md', 'html', 'json', 'csv'] as const;

/**
 * A privacy fixture's exports ingested into a copy of the fixture and themed into every format
 * with the fixture's own codebook and the bundled one: what the public would read.
 */
export class PublishedReports {
  /** Each output as a reader sees it (HTML's character references decoded), by `'<codebook> <format>'`, codebook `fixture` or `bundled`. */
  readonly outputs = new Map<string, string>();
  /** The copy the commands ran in (its store is in `.tlap/`). */
  dir = '';

  /** @param fixture the fixture folder under the project: `exports/`, `themes.yaml` and its lists. */
  constructor(private readonly fixture: string) {}

  /** Copies the fixture, ingests its exports and writes every output; throws with the command's stderr when one fails. */
  async publish(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'tlap-published-'));
    await cp(join(PROJECT_ROOT, this.fixture), this.dir, { recursive: true });
    const ingested = await runCli(['ingest', 'exports'], { cwd: this.dir });
    if (ingested.exitCode !== ExitCode.Ok) throw new Error(`ingest failed: ${ingested.stderr}`);
    const codebooks = { fixture: 'themes.yaml', bundled: join(PROJECT_ROOT, 'themes.yaml') };
    for (const [name, codebook] of Object.entries(codebooks)) {
      for (const format of FORMATS) {
        const result = await runCli(['themes', '--themes', codebook, '--format', format], { cwd: this.dir });
        if (result.exitCode !== ExitCode.Ok) throw new Error(`themes --format ${format} failed: ${result.stderr}`);
        this.outputs.set(`${name} ${format}`, format === 'html' ? decodeHtmlEntities(result.stdout) : result.stdout);
      }
    }
  }

  /** One output, or '' when it was not written. */
  output(codebook: 'fixture' | 'bundled', format: (typeof FORMATS)[number]): string {
    return this.outputs.get(`${codebook} ${format}`) ?? '';
  }

  /** The items of one of the fixture's lists (`must-not-publish.txt`): its lines, without blank lines and `#` comments. */
  async listed(file: string): Promise<string[]> {
    return (await readFile(join(PROJECT_ROOT, this.fixture, file), 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  }

  /** Each of `items` that stands alone in an output (see {@link standingAlone}), as `'<codebook> <format>: <item>'`. */
  leaks(items: readonly string[]): string[] {
    return [...this.outputs].flatMap(([output, text]) =>
      items.filter((item) => standingAlone(item).test(text)).map((item) => `${output}: ${item}`),
    );
  }

  /**
   * Each of `items` that a codebook's outputs in `formats` do not show as written (what must stay,
   * lost to redaction), as `'<codebook>: <item>'`.
   */
  lost(items: readonly string[], formats: readonly (typeof FORMATS)[number][] = ['csv', 'md']): string[] {
    return (['fixture', 'bundled'] as const).flatMap((codebook) => {
      const shown = formats.map((format) => this.output(codebook, format)).join('');
      return items.filter((item) => !shown.includes(item)).map((item) => `${codebook}: ${item}`);
    });
  }

  async remove(): Promise<void> {
    if (this.dir !== '') await rm(this.dir, { recursive: true, force: true });
  }
}

/** `item` standing as written, not inside a longer word (`tom` is not in `bottom`), in any case. */
export function standingAlone(item: string): RegExp {
  const escaped = item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}
