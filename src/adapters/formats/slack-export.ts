import { InputError } from '../../errors.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { invalidJsonItem, jsonArrayElements, jsonElementProvenance } from '../readers/json-elements.js';
import { asObject, asString, field } from '../readers/json-fields.js';
import { notAComment } from '../readers/blog-comment-fields.js';
import { editTime } from '../readers/post-fields.js';

/** A message's `ts`: seconds since 1970 with six digits after the point, unique within its channel. */
const MESSAGE_TS = /^\d{9,11}\.\d{6}$/;

/** The head of a Slack channel's day file: an array of objects with `"type": "message"` and a `ts`. */
const DAY_FILE_HEAD = /^\s*\[\s*\{[\s\S]*?"type"\s*:\s*"message"/;

/** The head of the workspace's own lists in an export: users.json, channels.json and the like. */
const WORKSPACE_LIST_HEAD = /^\s*\[\s*\{\s*"id"\s*:\s*"[UCGDW][A-Z0-9]{6,}"/;

/** The head of integration_logs.json: who added which app, no one's words. */
const INTEGRATION_LOGS_HEAD = /^\s*\{\s*"logs"\s*:\s*\[[\s\S]*?"change_type"/;

/** The folder of a direct or group conversation in a full export: its id (`D04ABCDEF12`) or `mpdm-a--b--c-1`. */
const PRIVATE_CONVERSATION_FOLDER = /^(?:D[A-Z0-9]{8,}|mpdm-.+)$/;

/** The user id of Slackbot, whose messages (reminders, notices to a member) carry no subtype. */
const SLACKBOT = 'USLACKBOT';

/** Message subtypes that are someone's words; every other subtype is Slack's notice (joined, left, topic set) or a bot. */
const WORDS_SUBTYPES = new Set(['thread_broadcast', 'file_share', 'me_message']);

/** Slack's markup for a mention, a channel, a special mention or a link: `<@U123>`, `<#C123|general>`, `<!here>`, `<https://…|label>`. */
const SLACK_MARKUP = /<([@#!])([^|>]*)(?:\|([^>]*))?>|<((?:https?|mailto):[^|>]*)(?:\|([^>]*))?>/g;

/**
 * A message's words as people read them in Slack: a mention of a person as `@someone` (their id
 * names no one a reader knows), a channel by its name, `<!here>` as `@here`, a link by its label
 * (else its address), and Slack's escaped `&`, `<` and `>` decoded.
 */
export function slackPlainText(text: string): string {
  return text
    .replace(SLACK_MARKUP, (_whole, sigil?: string, target?: string, label?: string, url?: string, urlLabel?: string) => {
      if (url !== undefined) return urlLabel ?? url.replace(/^mailto:/, '');
      if (sigil === '#') return `#${label ?? target ?? ''}`;
      if (sigil === '!') return `@${(label ?? target ?? '').replace(/^subteam\^\w+$/, 'group')}`;
      return label !== undefined && label !== '' ? `@${label}` : '@someone';
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The channel a day file belongs to: the folder it is in (`general/2024-01-15.json`), or '' when it is not in one. */
function channelOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
}

/** Slack workspace export: one record per message of each channel's day file. */
export const slackExportAdapter: FormatAdapter = {
  name: 'slack-export',
  description: "Slack workspace export (a channel's day file, general/2024-01-15.json): one record per message",
  channel: 'other',
  extensions: ['.json'],
  platformPostIds: true,
  signature: 'a JSON array of {"type": "message", "ts": "1705312992.123456", …} (or the export\'s users.json / channels.json lists)',
  sniff(input) {
    const head = input.headText;
    if (DAY_FILE_HEAD.test(head) && /"ts"\s*:\s*"\d{9,11}\.\d{6}"/.test(head)) return 0.95;
    if (WORKSPACE_LIST_HEAD.test(head) && /"(?:real_name|is_channel|is_general|members|is_bot|purpose)"\s*:/.test(head)) return 0.9;
    if (INTEGRATION_LOGS_HEAD.test(head)) return 0.9;
    return 0;
  },
  read(source) {
    return readSlackDay(source);
  },
};

/**
 * Reads one day file. Each message with words is a record by its sender (the name in its
 * `user_profile`, else the user id), dated by its `ts`, its id the channel (its folder) and `ts`; a reply in a
 * thread names the message that started it in `inReplyTo`; an edited one has `meta.edited`. Slack's
 * notices (joined, left, topic and purpose set), bots' and Slackbot's messages are filtered
 * `not-feedback`. The export's own lists
 * (users.json holds members' e-mail addresses, channels.json, integration_logs.json) and the
 * folders of direct and group conversations (private) are never read: each is `NOT_FEEDBACK`,
 * which a folder or archive lists as not feedback.
 */
async function* readSlackDay(source: InputSource): AsyncIterable<AdapterItem> {
  const isDayFile = DAY_FILE_HEAD.test(source.headText);
  if (!isDayFile) {
    throw new InputError("a list of the Slack workspace's members, channels or apps, not a channel's messages", {
      location: { file: source.path },
      hint: "ingest the export's channel folders (general/2024-01-15.json …)",
      code: 'NOT_FEEDBACK',
    });
  }
  const channel = channelOf(source.path);
  const idOf = (ts: string): string => (channel === '' ? ts : `${channel}:${ts}`);
  if (PRIVATE_CONVERSATION_FOLDER.test(channel)) {
    throw new InputError('the messages of a direct or group conversation, which are private; not read', {
      location: { file: source.path },
      hint: "ingest only the export's public channel folders",
      code: 'NOT_FEEDBACK',
    });
  }
  for await (const element of jsonArrayElements(source.path, source.text())) {
    const provenance: Provenance = jsonElementProvenance(source.path, element);
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    const message = asObject(element.value);
    const ts = asString(message?.['ts']);
    if (message === null || ts === null || !MESSAGE_TS.test(ts)) {
      yield notAComment('expected a Slack message with a "ts"', element.value, provenance);
      continue;
    }
    const subtype = asString(message['subtype']);
    if (asString(message['type']) !== 'message' || (subtype !== null && !WORDS_SUBTYPES.has(subtype)) || message['bot_id'] !== undefined) {
      yield { kind: 'filtered', rule: 'not-feedback', provenance, sourceId: idOf(ts), detail: subtype ?? 'not a message' };
      continue;
    }
    if (asString(message['user']) === SLACKBOT) {
      yield { kind: 'filtered', rule: 'not-feedback', provenance, sourceId: idOf(ts), detail: "Slackbot's message" };
      continue;
    }
    const threadTs = asString(message['thread_ts']);
    const name = asString(field(message, 'user_profile', 'real_name')) ?? asString(field(message, 'user_profile', 'display_name'));
    const meta: Record<string, JsonValue> = channel === '' ? {} : { slackChannel: channel };
    const edited = asObject(message['edited']);
    if (edited !== null) meta['edited'] = true;
    const editedAt = edited === null ? null : editTime(edited['ts']);
    if (editedAt !== null) meta['editedAt'] = editedAt;
    yield {
      kind: 'record',
      draft: {
        sourceId: idOf(ts),
        author: name !== null && name.trim() !== '' ? name.trim() : asString(message['user']),
        date: new Date(Math.round(Number(ts) * 1000)).toISOString(),
        text: slackPlainText(asString(message['text']) ?? ''),
        inReplyTo: threadTs !== null && threadTs !== ts ? idOf(threadTs) : null,
        meta,
        provenance,
      },
    };
  }
}
