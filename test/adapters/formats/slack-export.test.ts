import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { slackPlainText } from '../../../src/adapters/formats/slack-export.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { readStoreRecords } from '../../../src/store/record-store.js';
import type { FeedbackRecord } from '../../../src/record/record.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { readTempInput, rejectedPlaces } from '../../helpers/temp-input.js';
import { recordsOf } from '../../helpers/read-fixture.js';

function message(ts: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', user: 'U012AB3CD', text, ts, user_profile: { real_name: 'Jane Smith' }, ...extra };
}

const USERS = [{ id: 'U012AB3CD', name: 'jane', real_name: 'Jane Smith', profile: { email: 'jane.smith@example.org' } }];
const CHANNELS = [{ id: 'C024BE91L', name: 'general', created: 1705312800, is_general: true, members: ['U012AB3CD'] }];

describe('slackPlainText', () => {
  test.each([
    ['<@U045EF6GH> agreed', '@someone agreed'],
    ['<@U045EF6GH|ahmed> agreed', '@ahmed agreed'],
    ['see <#C024BE91L|carers>', 'see #carers'],
    ['<!here> the panel starts', '@here the panel starts'],
    ['<https://example.org/a?b=1&amp;c=2|the report> and <https://example.org>', 'the report and https://example.org'],
    ['write to <mailto:info@example.org|info@example.org>', 'write to info@example.org'],
    ['1 &lt; 2 &amp; 3 &gt; 2', '1 < 2 & 3 > 2'],
  ])('%s', (slack, plain) => {
    expect(slackPlainText(slack)).toBe(plain);
  });
});

describe('a Slack export read as a folder', () => {
  test("channels' messages are records; members' e-mail addresses, the lists and direct messages are never read", async () => {
    await withTempDir(async (dir) => {
      const exportDir = join(dir, 'slack');
      await mkdir(join(exportDir, 'general'), { recursive: true });
      await mkdir(join(exportDir, 'D04ABCDEF12'), { recursive: true });
      await writeFile(join(exportDir, 'users.json'), JSON.stringify(USERS, null, 4));
      await writeFile(join(exportDir, 'channels.json'), JSON.stringify(CHANNELS, null, 4));
      await writeFile(join(exportDir, 'integration_logs.json'), JSON.stringify({ logs: [{ user_id: 'U1', change_type: 'added' }] }));
      const day = [
        message('1705312992.123456', 'Respite, please', { thread_ts: '1705312992.123456' }),
        message('1705313100.000200', 'And easy read', { thread_ts: '1705312992.123456' }),
      ];
      await writeFile(join(exportDir, 'general', '2024-01-15.json'), JSON.stringify(day, null, 4));
      await writeFile(
        join(exportDir, 'D04ABCDEF12', '2024-01-15.json'),
        JSON.stringify([message('1705313000.000100', 'private words')], null, 4),
      );
      const summary = await ingest({ paths: ['slack'], cwd: dir, storeDir: '.tlap' });
      expect(summary.notFeedback).toEqual([
        'slack/D04ABCDEF12/2024-01-15.json',
        'slack/channels.json',
        'slack/integration_logs.json',
        'slack/users.json',
      ]);
      expect([summary.added, summary.rejected]).toEqual([2, 0]);
      const records: FeedbackRecord[] = [];
      for await (const record of readStoreRecords(join(dir, '.tlap'))) records.push(record);
      expect(records.map(({ sourceId, inReplyTo, meta }) => ({ sourceId, inReplyTo, meta }))).toEqual([
        { sourceId: 'general:1705312992.123456', inReplyTo: null, meta: { slackChannel: 'general' } },
        { sourceId: 'general:1705313100.000200', inReplyTo: 'general:1705312992.123456', meta: { slackChannel: 'general' } },
      ]);
      const stored = await Promise.all(
        ['records.jsonl', 'rejected.jsonl', 'sources.jsonl'].map((name) => readFile(join(dir, '.tlap', name), 'utf8').catch(() => '')),
      );
      expect(stored.join('')).not.toMatch(/jane\.smith@example\.org|private words/);
    });
  });
});

describe('a bad message in a day file', () => {
  test('is a rejection naming its place in the day, so one in a minified file can be found', async () => {
    const day = [message('1705312992.000100', 'First'), { type: 'message', text: 'no ts' }, message('1705312993.000100', 'Third')];
    const result = await readTempInput('2024-01-15.json', JSON.stringify(day));
    expect(result.format).toBe('slack-export');
    expect(rejectedPlaces(result)).toEqual([{ line: 1, part: '[1]' }]);
    expect(recordsOf(result).map((record) => record.provenance.part)).toEqual(['[0]', '[2]']);
  });
});

describe('what Slack itself writes in a channel', () => {
  test("Slackbot's messages are filtered, an edited message says so in meta", async () => {
    const day = [
      message('1705312992.123456', 'Buses are late', { edited: { user: 'U012AB3CD', ts: '1705313000.000000' } }),
      { type: 'message', user: 'USLACKBOT', text: 'You have been removed from #general', ts: '1705313200.000300' },
    ];
    const result = await readTempInput('2024-01-15.json', JSON.stringify(day, null, 1));
    expect(result.format).toBe('slack-export');
    expect(result.items.map((item) => (item.kind === 'filtered' ? `filtered ${item.rule}: ${item.detail ?? ''}` : item.kind))).toEqual([
      'record',
      "filtered not-feedback: Slackbot's message",
    ]);
    expect(recordsOf(result)[0]?.meta).toEqual({ edited: true, editedAt: '2024-01-15T10:03:20.000Z' });
  });
});
