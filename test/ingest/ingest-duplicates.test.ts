import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';

describe('ingest duplicates', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-ingest-'));
    await writeFile(
      join(dir, 'survey.csv'),
      'Response ID,Comment\nR-1,More respite please.\nR-2,Less paperwork.\nR-1,More respite please.\n',
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts an id repeated within one file as a duplicate, and every record as one on a second run', async () => {
    const first = await ingest({ paths: ['survey.csv'], storeDir: 'store', cwd: dir });
    expect({ read: first.read, added: first.added, duplicates: first.duplicates }).toEqual({ read: 3, added: 2, duplicates: 1 });

    const second = await ingest({ paths: ['survey.csv'], storeDir: 'store', cwd: dir });
    expect({ read: second.read, added: second.added, duplicates: second.duplicates }).toEqual({ read: 3, added: 0, duplicates: 3 });
  });
});
