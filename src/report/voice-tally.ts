import { CHANNELS, CONSULTATION_META, EXPORT_OWNER_META, type Channel, type FeedbackRecord } from '../record/record.js';
import { hashKey, KeyHasher, TaggedDistinctCounter } from '../stats/distinct-counter.js';
import { CAMPAIGN_MIN_WORDS, NearDuplicateGroups, SKETCH_BINS, sketchWords, wordHash } from '../stats/near-duplicates.js';
import { grownArray } from '../grown-array.js';
import { isPlaceholderSpeaker } from '../record/speaker-placeholders.js';

/**
 * Who a record speaks for, as a key: a survey answer's respondent (the respondent id in its export
 * file, or throughout its consultation when it has {@link CONSULTATION_META}; else its row: one row
 * is one respondent), else its author on its channel (handles are
 * per platform; a transcript's speaker that names no one, `Speaker 1`, only within its recording:
 * see `isPlaceholderSpeaker`), else the owner of the export file it was read from when the record says it is
 * theirs ({@link EXPORT_OWNER_META}). Null for a record with none: it counts as a voice of its own. Retweets never
 * reach the store (ingest filters them as amplification, not a second voice), so nothing here
 * counts them.
 */
export function voiceKeyOf(record: FeedbackRecord): string | null {
  const respondent = record.meta['respondent'];
  if (typeof respondent === 'string' && respondent.trim() !== '') {
    const consultation = record.meta[CONSULTATION_META];
    if (typeof consultation === 'string') return `consultation-respondent\u0000${consultation}\u0000${respondent.trim()}`;
    return `respondent\u0000${record.provenance.file}\u0000${record.provenance.part ?? ''}\u0000${respondent.trim()}`;
  }
  if (record.author !== null && record.author.trim() !== '') {
    if (record.channel === 'transcript' && isPlaceholderSpeaker(record.author)) {
      return `speaker\u0000${record.provenance.file}\u0000${record.provenance.part ?? ''}\u0000${record.author.trim().toLowerCase()}`;
    }
    return `author\u0000${record.channel}\u0000${record.author.trim().toLowerCase()}`;
  }
  if (record.meta[EXPORT_OWNER_META] === true) {
    return `owner\u0000${record.provenance.file}`;
  }
  if (record.channel === 'survey' && record.provenance.row !== undefined) {
    return `row\u0000${record.provenance.file}\u0000${record.provenance.part ?? ''}\u0000${record.provenance.row}`;
  }
  return null;
}

/** The 53-bit hash of a record's {@link voiceKeyOf} ({@link hashKey}), or 0 for a record with no voice key. */
export function voiceHashOf(record: FeedbackRecord): number {
  if (record.author !== null && record.meta['respondent'] === undefined && record.channel !== 'transcript') {
    const hash = asciiAuthorHash(record.channel, record.author);
    if (hash !== 0) return hash;
  }
  const key = voiceKeyOf(record);
  return key === null ? 0 : hashKey(key);
}

const voiceHasher = new KeyHasher();
const AUTHOR_KEY = 'author';
const ASCII_END = 0x80;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const TO_LOWER = 0x20;

/** Whether a code unit is white space that `trim` removes, for ASCII. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * For an author (with no respondent id) written in ASCII with something besides white space: the
 * hash of its voice key, made as the key is read, not joined and lower-cased first (most records).
 * Otherwise 0.
 */
function asciiAuthorHash(channel: string, author: string): number {
  let start = 0;
  let end = author.length;
  while (start < end && isAsciiSpace(author.charCodeAt(start))) start += 1;
  while (end > start && isAsciiSpace(author.charCodeAt(end - 1))) end -= 1;
  if (start === end) return 0;
  const hasher = voiceHasher;
  hasher.start();
  hasher.text(AUTHOR_KEY);
  hasher.unit(0);
  hasher.text(channel);
  hasher.unit(0);
  for (let index = start; index < end; index += 1) {
    const code = author.charCodeAt(index);
    if (code >= ASCII_END) return 0;
    hasher.unit(code >= UPPER_A && code <= UPPER_Z ? code + TO_LOWER : code);
  }
  return hasher.hash();
}

/**
 * Each numbered word's {@link wordHash}, computed once per run: what a text's sketch is made of.
 */
export class WordHashes {
  private hashes = new Uint32Array(1024);
  private textHashes = new Uint32Array(256);

  /** @param wordOf the word with a number, in the numbering of the word ids {@link of} is given. */
  constructor(private readonly wordOf: (id: number) => string) {}

  /** The hashes of these words, in their order (valid until the next call). */
  of(wordIds: ArrayLike<number>): Uint32Array {
    if (wordIds.length > this.textHashes.length) this.textHashes = new Uint32Array(wordIds.length * 2);
    for (let index = 0; index < wordIds.length; index += 1) {
      const id = wordIds[index] ?? 0;
      if (id >= this.hashes.length) {
        this.hashes = grownArray(this.hashes, Math.max(id + 1, this.hashes.length * 2));
      }
      let hash = this.hashes[id] ?? 0;
      if (hash === 0) {
        hash = wordHash(this.wordOf(id));
        this.hashes[id] = hash;
      }
      this.textHashes[index] = hash;
    }
    return this.textHashes;
  }
}

/** What {@link VoiceTally.addFacts} takes of a record, computed wherever its text was read. */
export interface VoiceFacts {
  /** {@link voiceHashOf} the record. */
  voice: number;
  /** Its channel: its voice is counted among that channel's. */
  channel: Channel;
  /** Its word count. */
  words: number;
  /** With at least {@link CAMPAIGN_MIN_WORDS} words: its sketch, {@link SKETCH_BINS} bytes from {@link sketchAt}. */
  sketch: Uint8Array;
  sketchAt: number;
  /** With at least {@link CAMPAIGN_MIN_WORDS} words: the {@link hashKey} of its text as written. */
  wording: number;
}

/**
 * Fills `facts`' voice, word count, sketch and wording for a record whose words (numbered) hash as
 * `hashes` says; the sketch goes to `facts.sketch` at `facts.sketchAt`.
 */
export function voiceFactsOf(record: FeedbackRecord, wordIds: ArrayLike<number>, hashes: WordHashes, facts: VoiceFacts): void {
  facts.voice = voiceHashOf(record);
  facts.channel = record.channel;
  facts.words = wordIds.length;
  if (wordIds.length < CAMPAIGN_MIN_WORDS) return;
  sketchWords(hashes.of(wordIds), wordIds.length, facts.sketch, facts.sketchAt);
  facts.wording = hashKey(record.text);
}

/** One campaign as the tally found it: exact counts, before the small-number rule. */
export interface CampaignTally {
  /**
   * A record whose words stand for the campaign (the wording most of its copies share), or null when a
   * run with more campaigns than are held let it go (only small ones, never those a report lists).
   */
  example: FeedbackRecord | null;
  /** Records in the campaign. */
  records: number;
  /** Distinct voices that sent it. */
  voices: number;
  /** Codebook indices of the themes its records are in, ascending. */
  themes: number[];
}

/** What the tally gives the report. */
export interface VoiceCounts {
  /** Distinct voices among all records. */
  voices: number;
  /** Distinct voices per theme, by codebook index. */
  themeVoices: number[];
  /**
   * Distinct voices per channel with records, counted as {@link voices} is among that channel's
   * records (a respondent whose records came in on two channels is a voice of each).
   */
  channelVoices: Map<Channel, number>;
  /** Campaigns, most records first (then most voices, then the one whose first record came first). */
  campaigns: CampaignTally[];
  /** Per theme (codebook index), the indices into {@link campaigns} of the campaigns raised in it. */
  themeCampaigns: number[][];
  /** The index into {@link campaigns} of the campaign a member ({@link VoiceTally.add}'s answer) belongs to, or -1. */
  campaignOf: (member: number) => number;
}

/**
 * The record that stands for a group: the wording most of its copies share, found by majority
 * vote as copies arrive (Boyer and Moore), so an exact copy is shown rather than an edited one.
 */
interface CampaignExample {
  /** Reads the record (examples are read only when the report needs them). */
  record: () => FeedbackRecord;
  /** Hash of its text as written (punctuation and case included). */
  wording: number;
  votes: number;
  /** When the group's first example was taken: the earliest wins when groups merge. */
  order: number;
}

/**
 * A campaign member's voice is held in 32 bits: the low 31 bits of its key's hash, or for a record
 * without a voice key this base plus its count among such records (each is a voice of its own).
 */
const ANONYMOUS_VOICE_BASE = 0x80000000;

/**
 * The most campaign examples (whole records) held while reading; the biggest groups keep theirs.
 * Groups only grow, so one of the campaigns a report lists (the twenty biggest) can lose its example
 * only while smaller than this many others, and takes a new one with its next copy.
 */
const EXAMPLES_HELD = 256;

/** Below this many themes, lists of up to two themes are numbered through an array (at most 64 K entries) rather than a Map. */
const THEME_SET_INDEXED = 255;

/** The most entries of the array lists of themes are numbered through when it also holds lists of three. */
const THEME_SET_INDEX_MAX = 65_536;

/** Campaign members per page of {@link VoiceTally}'s member table (128 KB a page). */
const MEMBER_PAGE = 16_384;

/**
 * Counts voices and finds campaigns while records stream past, holding typed arrays and one
 * example record per group of near-identical texts (at most {@link EXAMPLES_HELD}), never the
 * records themselves. A campaign is a group of at least two records with the same or nearly the
 * same words (src/stats/near-duplicates.ts) sent by at least two voices: one person repeating
 * themselves is not a campaign.
 */
export class VoiceTally {
  /** Distinct voices, and per theme those with a record in it. */
  private readonly voiceCounts: TaggedDistinctCounter;
  private anonymous = 0;
  private readonly themeCount: number;
  private readonly anonymousPerTheme: number[];
  private readonly anonymousPerChannel = new Int32Array(CHANNELS.length);
  private lastChannel: Channel | null = null;
  private lastChannelNumber = -1;
  private readonly groups = new NearDuplicateGroups();
  /**
   * Per campaign member, its voice and the number of its list of themes, side by side, in pages of
   * {@link MEMBER_PAGE} members that are added as members come and never copied.
   */
  private readonly memberPages: Uint32Array[] = [];
  private readonly themeSets: number[][] = [];
  /** By the number made of a list of themes ({@link themeSetKey}), or by the list's text when it makes none (a Map keeps 5 and '5' apart). */
  private readonly themeSetIds = new Map<number | string, number>();
  /**
   * With fewer than {@link THEME_SET_INDEXED} themes: by the number made of a list of up to two
   * themes (of three too when they fit in {@link THEME_SET_INDEX_MAX} entries), its set's number
   * plus one (0: not met).
   */
  private readonly themeSetIndex: Int32Array | null;
  /** Example records by the group root they were taken under, with the order they were taken in. */
  private examples = new Map<number, CampaignExample>();
  private examplesTaken = 0;
  private readonly hashes: WordHashes;
  private readonly facts: VoiceFacts = {
    voice: 0,
    channel: 'other',
    words: 0,
    sketch: new Uint8Array(SKETCH_BINS),
    sketchAt: 0,
    wording: 0,
  };

  /**
   * @param themeCount the codebook's themes (indices 0 to themeCount - 1).
   * @param wordOf the word with a number, in the numbering of the word ids {@link add} is given.
   */
  constructor(themeCount: number, wordOf: (id: number) => string) {
    this.hashes = new WordHashes(wordOf);
    this.themeCount = themeCount;
    this.voiceCounts = new TaggedDistinctCounter(themeCount, CHANNELS.length);
    const base = themeCount + 1;
    this.themeSetIndex =
      base ** 3 <= THEME_SET_INDEX_MAX
        ? new Int32Array(base ** 3)
        : themeCount < THEME_SET_INDEXED
          ? new Int32Array((themeCount + 1) * (themeCount + 2))
          : null;
    this.anonymousPerTheme = Array.from({ length: themeCount }, () => 0);
  }

  /**
   * Adds a record: its words by number (as the one normalisation gives them, numbered as
   * `wordOf` reads them) and the codebook indices of the themes it counts in (roll-ups included). Returns its member number among the texts long enough
   * to be grouped, or -1; {@link groupOf} says whether its words repeat those of a record added
   * before (a later copy of a campaign text), so that quotes can pass over both.
   */
  add(record: FeedbackRecord, wordIds: ArrayLike<number>, themes: readonly number[]): number {
    voiceFactsOf(record, wordIds, this.hashes, this.facts);
    return this.addFacts(this.facts, themes, () => () => record);
  }

  /**
   * {@link add} from a record's {@link VoiceFacts} (computed where its text was read, perhaps on
   * another thread). `hold` is called only when the record becomes a campaign's example, and
   * gives what reads the record when the counts are finished.
   */
  addFacts(facts: VoiceFacts, themes: readonly number[], hold: () => () => FeedbackRecord): number {
    const { voice } = facts;
    const channel = this.channelNumber(facts.channel);
    if (voice !== 0) this.voiceCounts.add(voice, themes, channel);
    else {
      this.anonymous += 1;
      this.anonymousPerChannel[channel] = (this.anonymousPerChannel[channel] ?? 0) + 1;
      for (const theme of themes) this.anonymousPerTheme[theme] = (this.anonymousPerTheme[theme] ?? 0) + 1;
    }
    const member = this.groups.addSketch(facts.sketch, facts.sketchAt, facts.words);
    if (member < 0) return -1;
    this.remember(member, voice === 0 ? ANONYMOUS_VOICE_BASE + this.anonymous : voice % 0x80000000, themes);
    const root = this.groups.rootOf(member);
    if (root === member) return member;
    const wording = facts.wording;
    const example = this.examples.get(root);
    if (example === undefined) this.takeExample(root, hold(), wording);
    else if (example.wording === wording) example.votes += 1;
    else if (example.votes > 0) example.votes -= 1;
    else this.examples.set(root, { record: hold(), wording, votes: 1, order: example.order });
    return member;
  }

  /** The group of a member {@link add} returned: the first member of its group of near-identical texts. */
  groupOf(member: number): number {
    return this.groups.rootOf(member);
  }

  /** The number of a channel in {@link CHANNELS}, looked up only when it differs from the record before's. */
  private channelNumber(channel: Channel): number {
    if (channel !== this.lastChannel) {
      this.lastChannel = channel;
      this.lastChannelNumber = CHANNELS.indexOf(channel);
    }
    return this.lastChannelNumber;
  }

  /** Distinct voices so far. */
  get voices(): number {
    return this.voiceCounts.size + this.anonymous;
  }

  private remember(member: number, voice: number, themes: readonly number[]): void {
    if (member % MEMBER_PAGE === 0) this.memberPages.push(new Uint32Array(MEMBER_PAGE * 2));
    const page = this.memberPages[Math.floor(member / MEMBER_PAGE)];
    if (page === undefined) return;
    const at = (member % MEMBER_PAGE) * 2;
    page[at] = voice;
    page[at + 1] = this.themeSetId(themes);
  }

  /**
   * The number made of a list of themes: its indices plus one as digits in base themes + 1 (so
   * lists of any length make different numbers), or -1 when that number is not exact in a double
   * or an index is not a theme's.
   */
  private themeSetKey(themes: readonly number[]): number {
    const base = this.themeCount + 1;
    let key = 0;
    for (let at = 0; at < themes.length; at += 1) {
      const theme = themes[at] ?? -1;
      if (!(theme >= 0 && theme < this.themeCount && Number.isInteger(theme))) return -1;
      key = key * base + theme + 1;
      if (key > Number.MAX_SAFE_INTEGER) return -1;
    }
    return key;
  }

  /**
   * The number of a list of themes among those met: looked up by the number made of it (through
   * an array when it is small, as it is for most records), else by its text.
   */
  private themeSetId(themes: readonly number[]): number {
    const short = this.themeSetKey(themes);
    const index = this.themeSetIndex;
    if (short >= 0 && index !== null && short < index.length) {
      const known = index[short] ?? 0;
      if (known > 0) return known - 1;
      const setId = this.themeSets.length;
      this.themeSets.push([...themes]);
      index[short] = setId + 1;
      return setId;
    }
    const key = short >= 0 ? short : themes.join(',');
    let setId = this.themeSetIds.get(key);
    if (setId === undefined) {
      setId = this.themeSets.length;
      this.themeSets.push([...themes]);
      this.themeSetIds.set(key, setId);
    }
    return setId;
  }

  private takeExample(root: number, record: () => FeedbackRecord, wording: number): void {
    this.examples.set(root, { record, wording, votes: 1, order: this.examplesTaken });
    this.examplesTaken += 1;
    if (this.examples.size <= EXAMPLES_HELD * 2) return;
    const kept = [...this.examples.entries()]
      .map(([held, example]) => ({ held, example, size: this.groups.sizeOfGroup(this.groups.rootOf(held)) }))
      .sort((a, b) => b.size - a.size || a.example.order - b.example.order)
      .slice(0, EXAMPLES_HELD);
    this.examples = new Map(kept.map((entry) => [entry.held, entry.example]));
  }

  private channelVoices(): Map<Channel, number> {
    const voices = new Map<Channel, number>();
    CHANNELS.forEach((channel, number) => {
      const count = this.voiceCounts.sizeOfKind(number) + (this.anonymousPerChannel[number] ?? 0);
      if (count > 0) voices.set(channel, count);
    });
    return voices;
  }

  /** The counts, once every record was added. */
  finish(): VoiceCounts {
    const { themeCount, groups } = this;
    const members = groups.size;
    /** Per root of a group of two or more: its index among `roots`, plus one. */
    const groupOfRoot = new Int32Array(members);
    const roots: number[] = [];
    const records: number[] = [];
    /** Per group, the theme lists (by number) of its members, and the last one added (members of a campaign mostly share one). */
    const themeSetsOf: Set<number>[] = [];
    const lastThemeSet: number[] = [];
    /** Per member of a group, its group and its voice, in member order. */
    let memberGroups = new Int32Array(1024);
    let memberVoices = new Uint32Array(1024);
    let grouped = 0;
    for (let member = 0; member < members; member += 1) {
      const root = groups.rootOf(member);
      if (groups.sizeOfGroup(root) < 2) continue;
      let group = (groupOfRoot[root] ?? 0) - 1;
      if (group < 0) {
        group = roots.length;
        groupOfRoot[root] = group + 1;
        roots.push(root);
        records.push(0);
        themeSetsOf.push(new Set());
        lastThemeSet.push(-1);
      }
      records[group] = (records[group] ?? 0) + 1;
      const page = this.memberPages[Math.floor(member / MEMBER_PAGE)];
      const at = (member % MEMBER_PAGE) * 2;
      const themeSet = page?.[at + 1] ?? 0;
      if (lastThemeSet[group] !== themeSet) {
        lastThemeSet[group] = themeSet;
        themeSetsOf[group]?.add(themeSet);
      }
      if (grouped === memberGroups.length) {
        memberGroups = grownArray(memberGroups, grouped * 2);
        memberVoices = grownArray(memberVoices, grouped * 2);
      }
      memberGroups[grouped] = group;
      memberVoices[grouped] = page?.[at] ?? 0;
      grouped += 1;
    }
    const voices = distinctVoicesPerGroup(memberGroups.subarray(0, grouped), memberVoices.subarray(0, grouped), records);
    const examples = new Map<number, CampaignExample>();
    for (const [held, example] of this.examples) {
      const root = this.groups.rootOf(held);
      const current = examples.get(root);
      if (current === undefined || example.order < current.order) examples.set(root, example);
    }
    const campaigns: (CampaignTally & { root: number })[] = [];
    roots.forEach((root, group) => {
      const groupVoices = voices[group] ?? 0;
      if (groupVoices < 2) return;
      const themes = new Set<number>();
      for (const themeSet of themeSetsOf[group] ?? []) for (const theme of this.themeSets[themeSet] ?? []) themes.add(theme);
      campaigns.push({
        root,
        example: examples.get(root)?.record() ?? null,
        records: records[group] ?? 0,
        voices: groupVoices,
        themes: [...themes].sort((a, b) => a - b),
      });
    });
    campaigns.sort((a, b) => b.records - a.records || b.voices - a.voices || a.root - b.root);
    const themeCampaigns: number[][] = Array.from({ length: themeCount }, () => []);
    campaigns.forEach((campaign, index) => {
      for (const theme of campaign.themes) themeCampaigns[theme]?.push(index);
    });
    const campaignIndex = new Map(campaigns.map((campaign, index) => [campaign.root, index]));
    return {
      campaignOf: (member) => (member < 0 ? -1 : (campaignIndex.get(this.groups.rootOf(member)) ?? -1)),
      voices: this.voices,
      themeVoices: this.anonymousPerTheme.map((anonymous, theme) => this.voiceCounts.sizeOf(theme) + anonymous),
      channelVoices: this.channelVoices(),
      campaigns: campaigns.map(({ root: _root, ...campaign }) => campaign),
      themeCampaigns,
    };
  }
}

/**
 * How many distinct voices each group has, from each grouped member's group and voice:
 * `records[group]` members each, put together group by group and sorted by voice.
 */
function distinctVoicesPerGroup(memberGroups: Int32Array, memberVoices: Uint32Array, records: readonly number[]): Int32Array {
  const starts = new Int32Array(records.length + 1);
  for (let group = 0; group < records.length; group += 1) starts[group + 1] = (starts[group] ?? 0) + (records[group] ?? 0);
  const filled = starts.slice(0, records.length);
  const byGroup = new Uint32Array(memberVoices.length);
  for (let at = 0; at < memberGroups.length; at += 1) {
    const group = memberGroups[at] ?? 0;
    byGroup[filled[group] ?? 0] = memberVoices[at] ?? 0;
    filled[group] = (filled[group] ?? 0) + 1;
  }
  const voices = new Int32Array(records.length);
  for (let group = 0; group < records.length; group += 1) {
    const start = starts[group] ?? 0;
    const end = starts[group + 1] ?? 0;
    const sorted = byGroup.subarray(start, end).sort();
    let distinct = 0;
    for (let at = 0; at < sorted.length; at += 1) if (at === 0 || sorted[at] !== sorted[at - 1]) distinct += 1;
    voices[group] = distinct;
  }
  return voices;
}
