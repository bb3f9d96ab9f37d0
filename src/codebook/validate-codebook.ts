import { DEFAULT_REDACTION_POLICY, parseRedactionPolicy, type RedactionPolicy } from '../privacy/redaction-policy.js';
import {
  DEFAULT_PUBLISH_POLICY,
  DEFAULT_QUANTIFIER_THRESHOLDS,
  DEFAULT_REPORT_SETTINGS,
  type AssignMode,
  type CodingUnit,
  type ConsentPolicy,
  type PublishPolicy,
  type Quantifiers,
  type ReportSettings,
  type SourcePosition,
} from './codebook.js';
import type { CodebookIssue } from './codebook-issue.js';
import { sortIssues } from './codebook-issue.js';
import type { CodebookSpec, ExcludeSpec, NearSpec, PositionedText, ThemeSpec } from './codebook-spec.js';
import { compilePhrase, type WordMatching } from './phrase-rule.js';
import { CODEBOOK_KEYS, entryOf, plainValue, THEME_KEYS, type RawCodebookDocument, type RawMap, type RawNode } from './raw-codebook.js';

const THEME_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** The widest `within:` accepted, in words. */
export const MAX_WITHIN = 50;

const NEAR_KEYS = ['all', 'within'] as const;
const EXCLUDE_NEAR_KEYS = ['near', 'within'] as const;
const EXAMPLE_KEYS = ['match', 'no_match'] as const;
const PUBLISH_KEYS = ['min_count', 'round_to', 'quantifiers'] as const;
const QUANTIFIER_KEYS = ['a_few', 'some', 'many', 'most'] as const;
const QUOTES_KEYS = ['exclude', 'consent'] as const;
const REPORT_KEYS = ['groups'] as const;

/** What {@link validateCodebook} returns: the typed codebook, or null and every problem found. */
export interface ValidatedCodebook {
  spec: CodebookSpec | null;
  issues: CodebookIssue[];
}

type Report = (position: SourcePosition, message: string, hint: string) => void;

/**
 * Stage 2 of loading a codebook: checks the raw tree against the schema and types it. Reports every
 * problem at once, each at its line and column with a hint; an unknown key gets the nearest known
 * one ("did you mean"). Returns a spec only when there is no problem.
 */
export function validateCodebook(document: RawCodebookDocument, file: string = document.file): ValidatedCodebook {
  const issues: CodebookIssue[] = [];
  const report: Report = (position, message, hint) =>
    issues.push({ severity: 'error', file, line: position.line, col: position.col, message, hint });
  const root = document.root;
  if (root === null || (root.kind === 'scalar' && (root.value === null || root.value === ''))) {
    report({ line: 1, col: 1 }, 'the codebook is empty', 'start with "version: 1" and a "themes:" list (see README, "The codebook")');
    return { spec: null, issues };
  }
  if (root.kind !== 'map') {
    report(root.position, 'the codebook must be a mapping with version and themes', 'start with "version: 1" and a "themes:" list');
    return { spec: null, issues };
  }
  checkKeys(root, CODEBOOK_KEYS, 'top level', report);

  const version = entryOf(root, 'version');
  if (version === undefined) report(root.position, 'missing "version"', 'add "version: 1" at the top');
  else if (version.value.kind !== 'scalar' || version.value.value !== 1) {
    report(version.value.position, 'version must be 1', 'this tlap reads codebook schema version 1; write "version: 1"');
  }
  let title = 'Themes in public feedback';
  const titleEntry = entryOf(root, 'title');
  if (titleEntry !== undefined) {
    const value = stringOf(titleEntry.value);
    if (value === null) report(titleEntry.value.position, 'title must be a string', 'quote it: title: "..."');
    else title = value.trim();
  }
  const { redaction, keepNames, redactKindsPosition } = redactSettings(root, report);
  const unit = choice<CodingUnit>(root, 'unit', ['record', 'sentence'], 'record', report);
  const assign = choice<AssignMode>(root, 'assign', ['multi', 'single'], 'multi', report);
  const publish = publishPolicy(root, report);
  const quotes = quoteSettings(root, report);
  const reportSettings = reportSettingsOf(root, report);
  const themes = themeSpecs(root, report);
  if (issues.length > 0) return { spec: null, issues: sortIssues(issues) };
  return {
    spec: { file, title, unit, assign, redaction, redactKindsPosition, keepNames, publish, quotes, report: reportSettings, themes },
    issues: [],
  };
}

function stringOf(node: RawNode): string | null {
  return node.kind === 'scalar' && typeof node.value === 'string' ? node.value : null;
}

function describeNode(node: RawNode | undefined): string {
  if (node === undefined) return 'nothing';
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'list') return 'a list';
  return node.value === null ? 'null' : JSON.stringify(node.value);
}

function checkKeys(map: RawMap, allowed: readonly string[], where: string, report: Report): void {
  for (const entry of map.entries) {
    if (allowed.includes(entry.key)) continue;
    const suggestion = closestName(entry.key, allowed);
    report(
      entry.keyPosition,
      `unknown key "${entry.key}" in ${where}`,
      suggestion === null ? `allowed keys: ${allowed.join(', ')}` : `did you mean "${suggestion}"?`,
    );
  }
}

function choice<T extends string>(root: RawMap, key: string, allowed: readonly T[], fallback: T, report: Report, name = key): T {
  const entry = entryOf(root, key);
  if (entry === undefined) return fallback;
  const value = stringOf(entry.value);
  const found = allowed.find((option) => option === value?.trim().toLowerCase());
  if (found === undefined) {
    report(
      entry.value.position,
      `${name} must be ${allowed.map((option) => `"${option}"`).join(' or ')}`,
      `write "${key}: ${fallback}" or "${key}: ${allowed.find((option) => option !== fallback) ?? fallback}"`,
    );
    return fallback;
  }
  return found;
}

function integerOf(node: RawNode): number | null {
  return node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : null;
}

/** A whole number in [min, max] at `key` of `map`, or `fallback` when absent (reported when wrong). */
function integerSetting(map: RawMap, key: string, where: string, min: number, max: number, fallback: number, report: Report): number {
  const entry = entryOf(map, key);
  if (entry === undefined) return fallback;
  const value = integerOf(entry.value);
  if (value === null || value < min || value > max) {
    report(
      entry.value.position,
      `${where}.${key} must be a whole number from ${min} to ${max}, not ${describeNode(entry.value)}`,
      `write "${key}: ${fallback}"`,
    );
    return fallback;
  }
  return value;
}

function redactSettings(
  root: RawMap,
  report: Report,
): { redaction: RedactionPolicy; keepNames: string[]; redactKindsPosition: SourcePosition | null } {
  const entry = entryOf(root, 'redact');
  if (entry === undefined) return { redaction: DEFAULT_REDACTION_POLICY, keepNames: [], redactKindsPosition: null };
  const node = entry.value;
  const keepNames: string[] = [];
  const kindsEntry = node.kind === 'map' ? entryOf(node, 'kinds') : undefined;
  const redactKindsPosition = kindsEntry === undefined ? null : kindsEntry.value.position;
  let policyValue = plainValue(node);
  if (node.kind === 'map') {
    const keep = entryOf(node, 'keep_names');
    if (keep !== undefined) {
      for (const name of stringList(keep.value, 'redact.keep_names', 'a name', report)) keepNames.push(name);
      const { keep_names: _keepNames, ...rest } = policyValue as Record<string, unknown>;
      policyValue = rest;
    }
  }
  const parsed = parseRedactionPolicy(policyValue, 'redact');
  if ('issues' in parsed) {
    for (const issue of parsed.issues) report(nodeAtPath(node, issue.path)?.position ?? entry.keyPosition, issue.message, issue.hint);
    return { redaction: DEFAULT_REDACTION_POLICY, keepNames, redactKindsPosition };
  }
  return { redaction: parsed.policy, keepNames, redactKindsPosition };
}

/** Finds the node a path such as `redact.kinds[2]` points at (the first segment names `start` itself). */
function nodeAtPath(start: RawNode, path: string): RawNode | null {
  const segments = path.split(/\.|(?=\[)/).slice(1);
  let node: RawNode = start;
  for (const segment of segments) {
    const index = /^\[(\d+)\]$/.exec(segment);
    if (index !== null && node.kind === 'list') {
      const item = node.items[Number(index[1])];
      if (item === undefined) return null;
      node = item;
    } else if (index === null && node.kind === 'map') {
      const entry = entryOf(node, segment);
      if (entry === undefined) return node;
      node = entry.value;
    } else return node;
  }
  return node;
}

/** A list of non-empty strings (a single string counts as a list of one). */
function stringList(node: RawNode, path: string, what: string, report: Report): string[] {
  const items = node.kind === 'list' ? node.items : [node];
  const values: string[] = [];
  items.forEach((item, index) => {
    const value = stringOf(item);
    const itemPath = node.kind === 'list' ? `${path}[${index}]` : path;
    if (value === null || value.trim() === '') {
      report(
        item.position,
        `${itemPath} must be ${what}, not ${describeNode(item)}`,
        `quote it: "${item.kind === 'scalar' && item.value !== null ? String(item.value) : '...'}"`,
      );
    } else values.push(value.trim());
  });
  return values;
}

/**
 * The mapping of settings at `key` of `map` (`where` names it in messages, `example` shows one),
 * its keys checked; null when absent or not a mapping (reported).
 */
function settingsMap(map: RawMap, key: string, where: string, keys: readonly string[], example: string, report: Report): RawMap | null {
  const entry = entryOf(map, key);
  if (entry === undefined) return null;
  const node = entry.value;
  if (node.kind !== 'map') {
    report(node.position, `${where} must be a mapping, not ${describeNode(node)}`, `write "${example}"`);
    return null;
  }
  checkKeys(node, keys, where, report);
  return node;
}

function publishPolicy(root: RawMap, report: Report): PublishPolicy {
  const node = settingsMap(root, 'publish', 'publish', PUBLISH_KEYS, 'publish: {min_count: 5}', report);
  if (node === null) return DEFAULT_PUBLISH_POLICY;
  const minCount = integerSetting(node, 'min_count', 'publish', 0, 1_000_000, DEFAULT_PUBLISH_POLICY.minCount, report);
  const roundEntry = entryOf(node, 'round_to');
  let roundTo: number | null = null;
  if (roundEntry !== undefined && !(roundEntry.value.kind === 'scalar' && roundEntry.value.value === null)) {
    roundTo = integerSetting(node, 'round_to', 'publish', 1, 1_000_000, 1, report);
  }
  return { minCount, roundTo, quantifiers: quantifiers(node, report) };
}

function quantifiers(publish: RawMap, report: Report): Quantifiers | null {
  const fallback = DEFAULT_QUANTIFIER_THRESHOLDS;
  const example = 'quantifiers: {a_few: 0, some: 0.1, many: 0.3, most: 0.5}';
  const node = settingsMap(publish, 'quantifiers', 'publish.quantifiers', QUANTIFIER_KEYS, example, report);
  if (node === null) return null;
  const defaults: Record<(typeof QUANTIFIER_KEYS)[number], number> = {
    a_few: fallback.aFew,
    some: fallback.some,
    many: fallback.many,
    most: fallback.most,
  };
  const values = { ...defaults };
  let previous: { key: string; value: number } | null = null;
  for (const key of QUANTIFIER_KEYS) {
    const value = entryOf(node, key);
    if (value !== undefined) {
      const share = value.value.kind === 'scalar' && typeof value.value.value === 'number' ? value.value.value : null;
      if (share === null || share < 0 || share > 1) {
        report(
          value.value.position,
          `publish.quantifiers.${key} must be a share from 0 to 1, not ${describeNode(value.value)}`,
          `write "${key}: ${defaults[key]}"`,
        );
        continue;
      }
      values[key] = share;
      if (previous !== null && share <= previous.value) {
        report(
          value.value.position,
          `publish.quantifiers.${key} (${share}) must be above ${previous.key} (${previous.value})`,
          'list thresholds that rise: a_few < some < many < most',
        );
      }
    }
    previous = { key, value: values[key] };
  }
  return { aFew: values.a_few, some: values.some, many: values.many, most: values.most };
}

function quoteSettings(root: RawMap, report: Report): CodebookSpec['quotes'] {
  const node = settingsMap(root, 'quotes', 'quotes', QUOTES_KEYS, 'quotes: {exclude: [record ids]}', report);
  if (node === null) return { exclude: [], consent: 'respect' };
  const exclude = entryOf(node, 'exclude');
  return {
    exclude: exclude === undefined ? [] : stringList(exclude.value, 'quotes.exclude', 'a record id', report),
    consent: choice<ConsentPolicy>(node, 'consent', ['respect', 'ignore'], 'respect', report, 'quotes.consent'),
  };
}

function reportSettingsOf(root: RawMap, report: Report): ReportSettings {
  const node = settingsMap(root, 'report', 'report', REPORT_KEYS, 'report: {groups: responding as}', report);
  if (node === null) return DEFAULT_REPORT_SETTINGS;
  const groups = entryOf(node, 'groups');
  if (groups === undefined) return DEFAULT_REPORT_SETTINGS;
  const value = stringOf(groups.value)?.trim() ?? '';
  if (value === '') {
    report(
      groups.value.position,
      `report.groups must be words of the question that splits respondents into groups, not ${describeNode(groups.value)}`,
      'write part of the question as the export heads it, e.g. "groups: responding as"',
    );
    return DEFAULT_REPORT_SETTINGS;
  }
  return { groups: value };
}

function themeSpecs(root: RawMap, report: Report): ThemeSpec[] {
  const entry = entryOf(root, 'themes');
  if (entry === undefined) {
    report(root.position, 'missing "themes"', 'add a "themes:" list (see README, "The codebook")');
    return [];
  }
  const list = entry.value;
  if (list.kind !== 'list' || list.items.length === 0) {
    report(list.position, 'themes must be a non-empty list', 'list each theme as "- id: ..." under themes:');
    return [];
  }
  const themes: ThemeSpec[] = [];
  const parents: { theme: ThemeSpec; where: string; position: SourcePosition }[] = [];
  const seenIds = new Map<string, number>();
  list.items.forEach((item, index) => {
    const where = `themes[${index}]`;
    if (item.kind !== 'map') {
      report(
        item.position,
        `${where} must be a mapping with id, label and keywords`,
        'write "- id: ...", then label: and keywords: indented below it',
      );
      return;
    }
    checkKeys(item, THEME_KEYS, where, report);
    const id = requiredString(item, 'id', where, report);
    const idEntry = entryOf(item, 'id');
    if (id !== null && idEntry !== undefined) {
      if (!THEME_ID.test(id)) {
        report(
          idEntry.value.position,
          `${where}.id "${id}" is not a valid id`,
          'use lower-case letters, digits, - and _, starting with a letter or digit',
        );
      }
      const first = seenIds.get(id);
      if (first !== undefined)
        report(idEntry.value.position, `theme id "${id}" is used twice`, `rename one; the first is themes[${first}]`);
      else seenIds.set(id, index);
    }
    const label = requiredString(item, 'label', where, report);
    let description = '';
    const descriptionEntry = entryOf(item, 'description');
    if (descriptionEntry !== undefined) {
      const value = stringOf(descriptionEntry.value);
      if (value === null) report(descriptionEntry.value.position, `${where}.description must be a string`, 'quote it');
      else description = value.trim();
    }
    const otherwise = booleanSetting(item, 'otherwise', where, report);
    const keywords = phraseList(item, 'keywords', where, 'stem', report);
    const exact = phraseList(item, 'exact', where, 'exact', report);
    const near = nearList(item, where, report);
    if (keywords === null && exact === null && near === null && !otherwise) {
      report(item.position, `${where} has no "keywords"`, 'add "keywords: [word, another word, phrase with words]"');
    }
    const exclude = excludeList(item, where, report);
    const minHits = integerSetting(item, 'min_hits', where, 1, 100, 1, report);
    const examples = exampleLists(item, where, report);
    const parentEntry = entryOf(item, 'parent');
    let parent: string | null = null;
    if (parentEntry !== undefined) {
      parent = stringOf(parentEntry.value)?.trim() ?? null;
      if (parent === null || parent === '') {
        report(
          parentEntry.value.position,
          `${where}.parent must be a theme id, not ${describeNode(parentEntry.value)}`,
          'write the id of another theme: parent: carers',
        );
        parent = null;
      }
    }
    if (id === null || label === null) return;
    const theme: ThemeSpec = {
      id,
      label: label.trim(),
      description,
      position: idEntry?.keyPosition ?? item.position,
      keywords: keywords ?? [],
      exact: exact ?? [],
      near: near ?? [],
      exclude,
      parent,
      otherwise,
      minHits,
      examples,
    };
    themes.push(theme);
    if (parent !== null && parentEntry !== undefined) parents.push({ theme, where, position: parentEntry.value.position });
  });
  checkParents(themes, parents, report);
  return themes;
}

function requiredString(map: RawMap, key: string, where: string, report: Report): string | null {
  const entry = entryOf(map, key);
  if (entry === undefined) {
    report(map.position, `${where} has no "${key}"`, `add "${key}:" to this theme`);
    return null;
  }
  const value = stringOf(entry.value);
  if (value === null || value.trim() === '') {
    report(entry.value.position, `${where}.${key} must be a non-empty string`, 'quote it if it looks like a number, true/false or null');
    return null;
  }
  return value;
}

function booleanSetting(map: RawMap, key: string, where: string, report: Report): boolean {
  const entry = entryOf(map, key);
  if (entry === undefined) return false;
  if (entry.value.kind !== 'scalar' || typeof entry.value.value !== 'boolean') {
    report(entry.value.position, `${where}.${key} must be true or false, not ${describeNode(entry.value)}`, `write "${key}: true"`);
    return false;
  }
  return entry.value.value;
}

/** Checks one phrase entry; returns it when it compiles. */
function phraseEntry(item: RawNode, path: string, matching: WordMatching, report: Report): PositionedText | null {
  if (item.kind !== 'scalar' || typeof item.value !== 'string') {
    report(
      item.position,
      `${path} is ${describeNode(item)}, not a string`,
      `quote it: "${item.kind === 'scalar' ? String(item.value) : '...'}"`,
    );
    return null;
  }
  const compiled = compilePhrase(item.value, item.position, matching);
  if ('problem' in compiled) {
    report(item.position, `${path} "${item.value}" ${compiled.problem}`, compiled.hint);
    return null;
  }
  return { text: item.value.trim(), position: item.position };
}

/** `keywords:` or `exact:`: a phrase or a list of them; null when the key is absent. */
function phraseList(
  map: RawMap,
  key: 'keywords' | 'exact',
  where: string,
  matching: WordMatching,
  report: Report,
): PositionedText[] | null {
  const entry = entryOf(map, key);
  if (entry === undefined) return null;
  const node = entry.value;
  if (node.kind === 'list' && node.items.length === 0) {
    report(node.position, `${where}.${key} is empty`, `list at least one ${key === 'exact' ? 'term' : 'keyword'}`);
    return [];
  }
  const items = node.kind === 'list' ? node.items : [node];
  const phrases: PositionedText[] = [];
  items.forEach((item, index) => {
    const phrase = phraseEntry(item, node.kind === 'list' ? `${where}.${key}[${index}]` : `${where}.${key}`, matching, report);
    if (phrase !== null) phrases.push(phrase);
  });
  return phrases;
}

function withinOf(map: RawMap, path: string, report: Report): number {
  const entry = entryOf(map, 'within');
  if (entry === undefined) {
    report(map.position, `${path} has no "within"`, 'add "within: 5" (how many words apart)');
    return 1;
  }
  const value = integerOf(entry.value);
  if (value === null || value < 1 || value > MAX_WITHIN) {
    report(
      entry.value.position,
      `${path}.within must be a whole number from 1 to ${MAX_WITHIN}, not ${describeNode(entry.value)}`,
      'write how many words apart, e.g. "within: 5"',
    );
    return 1;
  }
  return value;
}

function nearList(map: RawMap, where: string, report: Report): NearSpec[] | null {
  const entry = entryOf(map, 'near');
  if (entry === undefined) return null;
  const node = entry.value;
  const items = node.kind === 'list' ? node.items : [node];
  if (items.length === 0) report(node.position, `${where}.near is empty`, 'write near: [{all: [listen, staff], within: 5}]');
  const rules: NearSpec[] = [];
  items.forEach((item, index) => {
    const path = node.kind === 'list' ? `${where}.near[${index}]` : `${where}.near`;
    if (item.kind !== 'map') {
      report(
        item.position,
        `${path} must be a mapping with all and within, not ${describeNode(item)}`,
        'write {all: [listen, staff], within: 5}',
      );
      return;
    }
    checkKeys(item, NEAR_KEYS, path, report);
    const allEntry = entryOf(item, 'all');
    const within = withinOf(item, path, report);
    if (allEntry === undefined || allEntry.value.kind !== 'list' || allEntry.value.items.length < 2) {
      report(
        allEntry?.value.position ?? item.position,
        `${path}.all must list at least two words or phrases`,
        'write all: [listen, staff]',
      );
      return;
    }
    const all: PositionedText[] = [];
    allEntry.value.items.forEach((phraseNode, phraseIndex) => {
      const phrase = phraseEntry(phraseNode, `${path}.all[${phraseIndex}]`, 'stem', report);
      if (phrase !== null) all.push(phrase);
    });
    if (all.length === allEntry.value.items.length) rules.push({ all, within, position: item.position });
  });
  return rules;
}

function excludeList(map: RawMap, where: string, report: Report): ExcludeSpec[] {
  const entry = entryOf(map, 'exclude');
  if (entry === undefined) return [];
  const node = entry.value;
  const items = node.kind === 'list' ? node.items : [node];
  const excludes: ExcludeSpec[] = [];
  items.forEach((item, index) => {
    const path = node.kind === 'list' ? `${where}.exclude[${index}]` : `${where}.exclude`;
    if (item.kind === 'map') {
      checkKeys(item, EXCLUDE_NEAR_KEYS, path, report);
      const nearEntry = entryOf(item, 'near');
      const within = withinOf(item, path, report);
      if (nearEntry === undefined) {
        report(item.position, `${path} has no "near"`, 'write {near: nothing, within: 4}');
        return;
      }
      const phrase = phraseEntry(nearEntry.value, `${path}.near`, 'stem', report);
      if (phrase !== null) excludes.push({ kind: 'near', phrase, within, position: item.position });
      return;
    }
    const phrase = phraseEntry(item, path, 'stem', report);
    if (phrase !== null) excludes.push({ kind: 'phrase', phrase });
  });
  return excludes;
}

function exampleLists(map: RawMap, where: string, report: Report): ThemeSpec['examples'] {
  const entry = entryOf(map, 'examples');
  if (entry === undefined) return { match: [], noMatch: [] };
  const node = entry.value;
  if (node.kind !== 'map') {
    report(
      node.position,
      `${where}.examples must be a mapping with match and no_match, not ${describeNode(node)}`,
      'write examples: {match: ["a text"], no_match: ["another"]}',
    );
    return { match: [], noMatch: [] };
  }
  checkKeys(node, EXAMPLE_KEYS, `${where}.examples`, report);
  const texts = (key: 'match' | 'no_match'): PositionedText[] => {
    const list = entryOf(node, key);
    if (list === undefined) return [];
    const items = list.value.kind === 'list' ? list.value.items : [list.value];
    const result: PositionedText[] = [];
    items.forEach((item, index) => {
      const text = stringOf(item);
      if (text === null || text.trim() === '') {
        report(
          item.position,
          `${where}.examples.${key}[${index}] must be a text, not ${describeNode(item)}`,
          'quote it: "what someone might write"',
        );
      } else result.push({ text, position: item.position });
    });
    return result;
  };
  return { match: texts('match'), noMatch: texts('no_match') };
}

/** Every parent must be another theme, and following parents must never come back: walked without recursion. */
function checkParents(
  themes: readonly ThemeSpec[],
  parents: readonly { theme: ThemeSpec; where: string; position: SourcePosition }[],
  report: Report,
): void {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const inCycle = new Set<string>();
  for (const { theme, where, position } of parents) {
    const parent = theme.parent;
    if (parent === null) continue;
    if (parent === theme.id) {
      report(position, `${where}.parent is the theme itself`, 'name another theme, or remove parent:');
      continue;
    }
    if (!byId.has(parent)) {
      const suggestion = closestName(parent, [...byId.keys()]);
      report(
        position,
        `${where}.parent "${parent}" is not a theme id`,
        suggestion === null ? `use one of: ${[...byId.keys()].join(', ')}` : `did you mean "${suggestion}"?`,
      );
      continue;
    }
    const path = [theme.id];
    let current: string | null = parent;
    while (current !== null && path.length <= themes.length) {
      if (current === theme.id) {
        if (!inCycle.has(theme.id)) {
          for (const member of path) inCycle.add(member);
          report(
            position,
            `${where}.parent makes a cycle: ${[...path, theme.id].join(' → ')}`,
            'a theme cannot be its own ancestor; remove one parent:',
          );
        }
        break;
      }
      path.push(current);
      current = byId.get(current)?.parent ?? null;
    }
  }
}

/** The allowed name nearest to `name` (edit distance at most 2), or null. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
