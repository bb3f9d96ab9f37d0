import { createHash } from 'node:crypto';
import { KINDS_ADDED_LATER, PERSONAL_DATA_KINDS } from '../privacy/personal-data-kinds.js';
import { NORMALISATION_VERSION } from '../text/normalise.js';
import {
  DEFAULT_PUBLISH_POLICY,
  DEFAULT_QUANTIFIER_THRESHOLDS,
  type Codebook,
  type ExcludeRule,
  type KeywordRule,
  type PhraseRule,
  type Theme,
} from './codebook.js';
import type { CodebookIssue } from './codebook-issue.js';
import { sortIssues } from './codebook-issue.js';
import type { CodebookSpec, PositionedText, ThemeSpec } from './codebook-spec.js';
import { compilePhrase, phraseSignature, type WordMatching } from './phrase-rule.js';
import { listedInWords } from '../text/listed-in-words.js';

/** What {@link compileCodebook} returns: the codebook and warnings about it (never errors). */
export interface CompiledCodebook {
  codebook: Codebook;
  /** Warnings: redundant entries, words put in two themes. */
  issues: CodebookIssue[];
}

/**
 * Stage 3 of loading a codebook: normalises every entry with the one normaliser of record text and
 * builds the rule tree, each rule keeping where it is written. Warns (never refuses) when two
 * entries of one theme match the same words, and when entries of two themes do.
 */
export function compileCodebook(spec: CodebookSpec): CompiledCodebook {
  const issues: CodebookIssue[] = [];
  const warn = (entry: PositionedText, message: string, hint: string): void => {
    issues.push({ severity: 'warning', file: spec.file, line: entry.position.line, col: entry.position.col, message, hint });
  };
  const themes = spec.themes.map((theme) => compileTheme(theme, warn));
  warnAcrossThemes(spec.themes, themes, warn);
  if (spec.redactKindsPosition !== null && !spec.redaction.kinds.has('name')) {
    warn(
      { text: 'kinds', position: spec.redactKindsPosition },
      "redact.kinds leaves out name: people's names in quotes and in the CSV will be published",
      'add name to redact.kinds, and list public figures to keep under redact.keep_names',
    );
  }
  const leftOut = PERSONAL_DATA_KINDS.filter((kind) => KINDS_ADDED_LATER[kind] !== undefined && !spec.redaction.kinds.has(kind));
  if (spec.redactKindsPosition !== null && spec.redaction.kinds.size > 0 && leftOut.length > 0) {
    const what = leftOut.map((kind) => KINDS_ADDED_LATER[kind] ?? kind);
    warn(
      { text: 'kinds', position: spec.redactKindsPosition },
      `redact.kinds leaves out ${listedInWords(leftOut)}: ${listedInWords(what)} in quotes and in the CSV will be published`,
      `add ${listedInWords(leftOut)} to redact.kinds`,
    );
  }
  const codebook: Codebook = {
    version: 1,
    title: spec.title,
    file: spec.file,
    fingerprint: '',
    normalisationVersion: NORMALISATION_VERSION,
    unit: spec.unit,
    assign: spec.assign,
    themes,
    redaction: spec.redaction,
    keepNames: spec.keepNames,
    publish: spec.publish,
    quotes: spec.quotes,
    report: spec.report,
  };
  codebook.fingerprint = fingerprintOf(codebook);
  return { codebook, issues: sortIssues(issues) };
}

type Warn = (entry: PositionedText, message: string, hint: string) => void;

function phrase(entry: PositionedText, matching: WordMatching): PhraseRule {
  const compiled = compilePhrase(entry.text, entry.position, matching);
  if ('problem' in compiled) throw new Error(`compileCodebook: "${entry.text}" was not validated: ${compiled.problem}`);
  return compiled.rule;
}

function compileTheme(spec: ThemeSpec, warn: Warn): Theme {
  const rules: KeywordRule[] = [];
  const seen = new Map<string, PositionedText>();
  const addPhrase = (entry: PositionedText, matching: WordMatching): void => {
    const rule = phrase(entry, matching);
    const signature = phraseSignature(rule);
    const previous = seen.get(signature);
    if (previous !== undefined) {
      warn(
        entry,
        `"${entry.text}" and "${previous.text}" (line ${previous.position.line}) of theme "${spec.id}" are the same after normalisation: one is redundant`,
        'remove one of them; both match the same words',
      );
      return;
    }
    seen.set(signature, entry);
    rules.push(rule);
  };
  for (const entry of spec.keywords) addPhrase(entry, 'stem');
  for (const entry of spec.exact) addPhrase(entry, 'exact');
  for (const near of spec.near) {
    const all = near.all.map((entry) => phrase(entry, 'stem'));
    rules.push({
      kind: 'near',
      source: `${all.map((rule) => rule.source).join(' + ')} within ${near.within}`,
      position: near.position,
      all,
      within: near.within,
    });
  }
  const excludes: ExcludeRule[] = spec.exclude.map((entry) =>
    entry.kind === 'phrase'
      ? phrase(entry.phrase, 'stem')
      : {
          kind: 'near',
          source: `near ${entry.phrase.text} within ${entry.within}`,
          position: entry.position,
          phrase: phrase(entry.phrase, 'stem'),
          within: entry.within,
        },
  );
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    position: spec.position,
    rules,
    excludes,
    parent: spec.parent,
    otherwise: spec.otherwise,
    minHits: spec.minHits,
    examples: {
      match: spec.examples.match.map((example) => ({ text: example.text, position: example.position })),
      noMatch: spec.examples.noMatch.map((example) => ({ text: example.text, position: example.position })),
    },
  };
}

/** Entries of different themes that match the same words put those words in two themes. */
function warnAcrossThemes(specs: readonly ThemeSpec[], themes: readonly Theme[], warn: Warn): void {
  const owners = new Map<string, { themeId: string; rule: PhraseRule }>();
  themes.forEach((theme, index) => {
    const spec = specs[index];
    if (spec === undefined) return;
    for (const rule of theme.rules) {
      if (rule.kind !== 'phrase') continue;
      const signature = phraseSignature(rule);
      const owner = owners.get(signature);
      if (owner === undefined) owners.set(signature, { themeId: theme.id, rule });
      else if (owner.themeId !== theme.id) {
        warn(
          { text: rule.source, position: rule.position },
          `"${rule.source}" of theme "${theme.id}" and "${owner.rule.source}" (line ${owner.rule.position.line}) of theme "${owner.themeId}" share a stem: this puts one word in two themes`,
          'keep the word in one theme, or use exact: for the form each theme means',
        );
      }
    }
  });
}

/**
 * sha256 (first 16 hex digits) of what the codebook means, not how it is written: positions and
 * formatting do not count. A codebook that uses only the first schema's keys keeps the fingerprint
 * it always had; every newer key that differs from its default is added to what is hashed.
 */
function fingerprintOf(codebook: Codebook): string {
  const legacyThemes = codebook.themes.map((theme) => ({
    id: theme.id,
    label: theme.label,
    description: theme.description,
    keywords: theme.rules.filter((rule): rule is PhraseRule => rule.kind === 'phrase').map(legacyPattern),
    exclude: theme.excludes.filter((rule): rule is PhraseRule => rule.kind === 'phrase').map(legacyPattern),
  }));
  const redact = {
    kinds: [...codebook.redaction.kinds].sort(),
    keepHandles: [...codebook.redaction.keepHandles].map((handle) => handle.toLowerCase()).sort(),
  };
  const extras: Record<string, unknown> = {};
  if (codebook.unit !== 'record') extras['unit'] = codebook.unit;
  if (codebook.assign !== 'multi') extras['assign'] = codebook.assign;
  if (codebook.keepNames.length > 0) extras['keepNames'] = [...codebook.keepNames].sort();
  const publish = { ...codebook.publish, quantifiers: codebook.publish.quantifiers ?? DEFAULT_QUANTIFIER_THRESHOLDS };
  const legacyPublish = { ...DEFAULT_PUBLISH_POLICY, quantifiers: DEFAULT_QUANTIFIER_THRESHOLDS };
  if (JSON.stringify(publish) !== JSON.stringify(legacyPublish)) extras['publish'] = publish;
  if (codebook.quotes.exclude.length > 0) extras['quotes'] = [...codebook.quotes.exclude].sort();
  if (codebook.quotes.consent !== 'respect') extras['quotes_consent'] = codebook.quotes.consent;
  if (codebook.report.groups !== null) extras['groups'] = codebook.report.groups;
  const themeExtras = codebook.themes.map((theme) => ({
    id: theme.id,
    near: theme.rules.filter((rule) => rule.kind === 'near').map((rule) => ({ all: rule.all.map(legacyPattern), within: rule.within })),
    nearExcludes: theme.excludes
      .filter((rule) => rule.kind === 'near')
      .map((rule) => ({ phrase: legacyPattern(rule.phrase), within: rule.within })),
    parent: theme.parent,
    otherwise: theme.otherwise,
    minHits: theme.minHits,
    examples: {
      match: theme.examples.match.map((example) => example.text),
      noMatch: theme.examples.noMatch.map((example) => example.text),
    },
  }));
  const changedThemes = themeExtras.filter(
    (theme) =>
      theme.near.length > 0 ||
      theme.nearExcludes.length > 0 ||
      theme.parent !== null ||
      theme.otherwise ||
      theme.minHits !== 1 ||
      theme.examples.match.length > 0 ||
      theme.examples.noMatch.length > 0,
  );
  if (changedThemes.length > 0) extras['themes'] = changedThemes;
  const canonical = JSON.stringify({
    version: 1,
    title: codebook.title,
    themes: legacyThemes,
    redact,
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** A phrase as the first schema hashed it: its source and its word tests. */
function legacyPattern(rule: PhraseRule): { source: string; terms: PhraseRule['words'] } {
  return { source: rule.source, terms: rule.words };
}
