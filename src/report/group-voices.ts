import { DistinctCounter } from '../stats/distinct-counter.js';

const INITIAL_SLOTS = 16;
/** Theme bits held per int of a slot. */
const BITS = 32;
/** Mixes a group's number into a voice's slot (the golden ratio's odd 32-bit multiple). */
const GROUP_MIX = 0x9e3779b1;

/**
 * The distinct voices of each respondent group, and of each theme within it, as a set of distinct
 * (voice, group) pairs: a flat open-addressing table (at most half full) holding per pair the
 * voice's 53-bit hash, the group's number and, as bits, the themes the voice raised in that
 * group, so that a record costs one lookup. Records without a voice key are each a voice of their
 * own, counted per group and theme. Plain data (typed arrays, a Map and arrays), so that the sets
 * kept on a worker thread cross to the report's thread as they are and are merged there
 * ({@link mergeGroupVoiceSets}): a union, the same whatever the order records came in.
 */
export interface GroupVoiceSets {
  /** The codebook's themes (indices 0 to themeCount - 1). */
  themeCount: number;
  /** Ints of theme bits per slot. */
  themeWords: number;
  /** The groups (answers as written) by number. */
  groups: string[];
  /** Each group's number. */
  numbers: Map<string, number>;
  /** Per slot the voice's hash; 0 for an empty slot. */
  voices: Float64Array;
  /** Per slot the group's number. */
  slotGroups: Int32Array;
  /** Per slot, {@link themeWords} ints of bits: the themes the voice raised in the group. */
  themeBits: Int32Array;
  /** Slots in use: distinct (voice, group) pairs. */
  used: number;
  /**
   * Records without a voice key: at `group * (themeCount + 1)` the group's, at `group *
   * (themeCount + 1) + 1 + theme` the theme's within it.
   */
  anonymous: number[];
}

/** Sets of no record, for a codebook of `themeCount` themes. */
export function emptyGroupVoiceSets(themeCount: number): GroupVoiceSets {
  const themeWords = Math.ceil(themeCount / BITS);
  return {
    themeCount,
    themeWords,
    groups: [],
    numbers: new Map(),
    voices: new Float64Array(INITIAL_SLOTS),
    slotGroups: new Int32Array(INITIAL_SLOTS),
    themeBits: new Int32Array(INITIAL_SLOTS * themeWords),
    used: 0,
    anonymous: [],
  };
}

/** The number of a group in these sets, numbered when first met. */
export function groupNumberOf(sets: GroupVoiceSets, group: string): number {
  const known = sets.numbers.get(group);
  if (known !== undefined) return known;
  const number = sets.groups.length;
  sets.groups.push(group);
  sets.numbers.set(group, number);
  const row = (number + 1) * (sets.themeCount + 1);
  while (sets.anonymous.length < row) sets.anonymous.push(0);
  return number;
}

/** The slot that holds the pair, or the empty one where it would go. */
function slotOf(sets: GroupVoiceSets, voice: number, group: number): number {
  const { voices, slotGroups } = sets;
  const mask = voices.length - 1;
  let slot = ((voice >>> 0) ^ Math.imul(group + 1, GROUP_MIX)) & mask;
  for (let held = voices[slot] ?? 0; held !== 0; held = voices[slot] ?? 0) {
    if (held === voice && slotGroups[slot] === group) return slot;
    slot = (slot + 1) & mask;
  }
  return slot;
}

function grow(sets: GroupVoiceSets): void {
  const { voices, slotGroups, themeBits, themeWords } = sets;
  sets.voices = new Float64Array(voices.length * 2);
  sets.slotGroups = new Int32Array(voices.length * 2);
  sets.themeBits = new Int32Array(voices.length * 2 * themeWords);
  for (let from = 0; from < voices.length; from += 1) {
    const voice = voices[from] ?? 0;
    if (voice === 0) continue;
    const group = slotGroups[from] ?? 0;
    const slot = slotOf(sets, voice, group);
    sets.voices[slot] = voice;
    sets.slotGroups[slot] = group;
    for (let word = 0; word < themeWords; word += 1) sets.themeBits[slot * themeWords + word] = themeBits[from * themeWords + word] ?? 0;
  }
}

/** The slot of a pair, taken when it was not there yet. */
function takeSlot(sets: GroupVoiceSets, voice: number, group: number): number {
  if ((sets.used + 1) * 2 > sets.voices.length) grow(sets);
  const slot = slotOf(sets, voice, group);
  if (sets.voices[slot] === 0) {
    sets.voices[slot] = voice;
    sets.slotGroups[slot] = group;
    sets.used += 1;
  }
  return slot;
}

/**
 * Adds a record: its voice's hash (0 for a record without a voice key, a voice of its own), its
 * group's number ({@link groupNumberOf}) and the first `themeCount` entries of `themes`, the
 * codebook indices of the themes it counts in.
 */
export function addGroupVoice(sets: GroupVoiceSets, voice: number, group: number, themes: ArrayLike<number>, themeCount: number): void {
  if (voice === 0) {
    const row = group * (sets.themeCount + 1);
    const { anonymous } = sets;
    anonymous[row] = (anonymous[row] ?? 0) + 1;
    for (let at = 0; at < themeCount; at += 1) {
      const theme = themes[at] ?? -1;
      if (theme >= 0 && theme < sets.themeCount) anonymous[row + 1 + theme] = (anonymous[row + 1 + theme] ?? 0) + 1;
    }
    return;
  }
  const slot = takeSlot(sets, voice, group);
  const { themeBits, themeWords } = sets;
  for (let at = 0; at < themeCount; at += 1) {
    const theme = themes[at] ?? -1;
    if (theme < 0 || theme >= sets.themeCount) continue;
    const word = slot * themeWords + (theme >>> 5);
    themeBits[word] = (themeBits[word] ?? 0) | (1 << (theme & (BITS - 1)));
  }
}

/**
 * Adds the pairs of `from` (kept elsewhere, over other records, in its own numbering of groups)
 * to `into`, grouped by `keyOf` each group of `from` (by default the group itself): pairs whose
 * groups `keyOf` makes one are one pair, their themes joined.
 */
export function mergeGroupVoiceSets(into: GroupVoiceSets, from: GroupVoiceSets, keyOf: (group: string) => string = (group) => group): void {
  const numbers = from.groups.map((group) => groupNumberOf(into, keyOf(group)));
  const words = Math.min(into.themeWords, from.themeWords);
  for (let slot = 0; slot < from.voices.length; slot += 1) {
    const voice = from.voices[slot] ?? 0;
    if (voice === 0) continue;
    const at = takeSlot(into, voice, numbers[from.slotGroups[slot] ?? 0] ?? 0);
    for (let word = 0; word < words; word += 1) {
      const bits = from.themeBits[slot * from.themeWords + word] ?? 0;
      if (bits !== 0) into.themeBits[at * into.themeWords + word] = (into.themeBits[at * into.themeWords + word] ?? 0) | bits;
    }
  }
  const width = from.themeCount + 1;
  numbers.forEach((number, group) => {
    for (let column = 0; column < Math.min(width, into.themeCount + 1); column += 1) {
      const count = from.anonymous[group * width + column] ?? 0;
      if (count !== 0)
        into.anonymous[number * (into.themeCount + 1) + column] = (into.anonymous[number * (into.themeCount + 1) + column] ?? 0) + count;
    }
  });
}

/** Distinct voices per group as a report publishes groups: see {@link groupVoicesByKey}. */
export interface KeyedGroupVoices {
  /** Distinct voices among the records of the groups published as `key` (0 for a key with none). */
  voicesOf(key: string): number;
  /** Distinct voices among the records in a theme (codebook index) of the groups published as `key`. */
  themeVoicesOf(theme: number, key: string): number;
  /**
   * Distinct voices among the records of the groups published as any of `keys` (a voice in two of
   * them counts once), among those in a theme (codebook index) when one is given.
   */
  voicesAmong(keys: ReadonlySet<string>, theme?: number): number;
}

/**
 * The distinct voices of each group published as `keyOf` publishes it (redacted: answers that
 * publish alike are one group, a voice in both counting once), overall and per theme. A voice is
 * counted in each group it has records in: groups are answers of respondents, and one voice in
 * two groups (an author who wrote in two files with different answers) is a voice of each.
 */
export function groupVoicesByKey(sets: GroupVoiceSets, keyOf: (group: string) => string): KeyedGroupVoices {
  const keyed = emptyGroupVoiceSets(sets.themeCount);
  mergeGroupVoiceSets(keyed, sets, keyOf);
  const { themeCount, themeWords } = keyed;
  const width = themeCount + 1;
  const counts = new Int32Array(keyed.groups.length * width);
  for (let slot = 0; slot < keyed.voices.length; slot += 1) {
    if ((keyed.voices[slot] ?? 0) === 0) continue;
    const row = (keyed.slotGroups[slot] ?? 0) * width;
    counts[row] = (counts[row] ?? 0) + 1;
    for (let word = 0; word < themeWords; word += 1) {
      for (let bits = keyed.themeBits[slot * themeWords + word] ?? 0; bits !== 0; bits &= bits - 1) {
        const theme = word * BITS + (31 - Math.clz32(bits & -bits));
        counts[row + 1 + theme] = (counts[row + 1 + theme] ?? 0) + 1;
      }
    }
  }
  const at = (key: string, column: number): number => {
    const number = keyed.numbers.get(key);
    if (number === undefined) return 0;
    return (counts[number * width + column] ?? 0) + (keyed.anonymous[number * width + column] ?? 0);
  };
  return {
    voicesOf: (key) => at(key, 0),
    themeVoicesOf: (theme, key) => (theme >= 0 && theme < themeCount ? at(key, 1 + theme) : 0),
    voicesAmong: (keys, theme) => {
      const column = theme === undefined ? 0 : 1 + theme;
      const numbers = new Set([...keys].flatMap((key) => keyed.numbers.get(key) ?? []));
      const distinct = new DistinctCounter();
      let anonymous = 0;
      for (const number of numbers) anonymous += keyed.anonymous[number * width + column] ?? 0;
      for (let slot = 0; slot < keyed.voices.length; slot += 1) {
        const voice = keyed.voices[slot] ?? 0;
        if (voice === 0 || !numbers.has(keyed.slotGroups[slot] ?? -1)) continue;
        if (theme !== undefined && ((keyed.themeBits[slot * themeWords + (theme >>> 5)] ?? 0) & (1 << (theme & (BITS - 1)))) === 0)
          continue;
        distinct.add(voice);
      }
      return distinct.size + anonymous;
    },
  };
}
