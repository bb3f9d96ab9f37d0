import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOutlookMsg, OUTLOOK_REPLY } from '../../builders/outlook-msg-builder.js';
import { countItems, readFileItems } from '../../helpers/read-fixture.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-msg-slow-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('outlook-msg: size bounds', () => {
  test('a body over the 10 MB of one message is rejected before it is decoded', async () => {
    const path = join(dir, 'long.msg');
    await writeFile(path, buildOutlookMsg({ ...OUTLOOK_REPLY, body: 'a'.repeat(5 * 1024 * 1024 + 1) }));
    expect(countItems(await readFileItems(path, { displayPath: 'long.msg' }))).toEqual({ 'rejected:MESSAGE_TOO_LARGE': 1 });
  });
});
