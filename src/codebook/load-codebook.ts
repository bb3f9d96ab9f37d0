import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { CodebookError } from '../errors.js';
import { describeFsError } from '../source/fs-errors.js';
import { normaliseText } from '../text/normalise.js';
import { DEFAULT_REDACTION_POLICY, parseRedactionPolicy, type RedactionPolicy } from '../privacy/redaction-policy.js';
import type { Codebook, KeywordPattern, TermPattern, Theme } from './codebook.js';
import { formatCodebookIssue, type CodebookIssue } from './codebook-issue.js';
import { CODEBOOK_KEYS, THEME_KEYS } from './raw-codebook.js';

/** The deepest YAML nesting accepted; themes.yaml needs four levels. */
const MAX_DEPTH = 32;

/** The shortest prefix a `word*` wildcard may have, so that it cannot match nearly every word. */
const MIN_PREFIX = 3;

const THEME_ID = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Reads, validates and normalises a codebook file. Throws CodebookError listing every problem.
 * `displayPath` (default: `diskPath`) is the path as the user gave it, used in messages and as
 * {@link Codebook.file}.
 */
export async function loadCodebook(diskPath: string, displayPath: string = diskPath): Promise<Codebook> {
  const file = displayPath;
  let text: string;
  try {
    text = await readFile(diskPath, 'utf8');
  } catch (error) {
    throw new CodebookError(`${file}: cannot read the codebook (${describeFsError(error)})`, {
      hint: 'create themes.yaml (see README, "The codebook") or name one with --themes FILE',
      cause: error,
    });
  }
  const result = parseCodebook(text, file);
  if ('issues' in result) {
    throw new CodebookError(result.issues.map(formatCodebookIssue).join('\n'), {
      hint: `fix ${result.issues.length === 1 ? 'this problem' : `these ${result.issues.length} problems`} in ${file}`,
    });
  }
  return result.codebook;
}

/** Parses, validates and normalises codebook text: the codebook, or every problem found. */
export function parseCodebook(text: string, file: string): { codebook: Codebook } | { issues: CodebookIssue[] } {
  const lineCounter = new LineCounter();
  const issues: CodebookIssue[] = [];
  const at = (offset: number | undefined, message: string, hint: string): void => {
    const position = lineCounter.linePos(offset ?? 0);
    issues.push({ file, line: position.line, col: position.col, message, hint });
  };
  const nodeAt = (node: Node | Pair | null | undefined, message: string, hint: string): void => {
    const range = node === null || node === undefined ? undefined : isPair(node) ? (node.key as Node | null)?.range : node.range;
    at(range?.[0], message, hint);
  };

  const tooDeep = excessiveNesting(text);
  if (tooDeep !== null) {
    const before = text.slice(0, tooDeep);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    issues.push({
      file,
      line,
      col: tooDeep - before.lastIndexOf('\n'),
      message: `nesting deeper than ${MAX_DEPTH} levels`,
      hint: 'themes.yaml needs only a list of themes with lists of keywords',
    });
    return { issues };
  }
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  for (const error of [...document.errors, ...document.warnings]) {
    const hint =
      error.code === 'DUPLICATE_KEY'
        ? 'each key may appear once per mapping; merge or remove the repeated one'
        : error.code === 'TAB_AS_INDENT'
          ? 'indent with spaces, not tabs'
          : 'fix the YAML syntax at this position';
    const position = error.linePos?.[0];
    issues.push({ file, line: position?.line ?? 1, col: position?.col ?? 1, message: firstLine(error.message), hint });
  }
  if (issues.length > 0) return { issues };

  const aliasesByLine = new Map<number, { first: Node; count: number }>();
  for (const node of findAliases(document.contents as Node | null)) {
    const line = lineCounter.linePos(node.range?.[0] ?? 0).line;
    const seen = aliasesByLine.get(line);
    if (seen === undefined) aliasesByLine.set(line, { first: node, count: 1 });
    else seen.count += 1;
  }
  for (const { first, count } of aliasesByLine.values()) {
    nodeAt(
      first,
      `YAML anchors and aliases (&name, *name) are not allowed${count > 1 ? ` (${count} on this line)` : ''}`,
      'write each value out in full',
    );
  }

  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    at(0, 'the codebook is empty', 'start with "version: 1" and a "themes:" list (see README, "The codebook")');
    return { issues };
  }
  if (!isMap(root)) {
    nodeAt(root as Node, 'the codebook must be a mapping with version and themes', 'start with "version: 1" and a "themes:" list');
    return { issues };
  }

  checkKeys(root, CODEBOOK_KEYS, 'top level', nodeAt);
  const versionPair = pairOf(root, 'version');
  if (versionPair === undefined) {
    at(root.range?.[0], 'missing "version"', 'add "version: 1" at the top');
  } else if (!isScalar(versionPair.value) || versionPair.value.value !== 1) {
    nodeAt(versionPair.value as Node, 'version must be 1', 'this tlap reads codebook schema version 1; write "version: 1"');
  }
  let title = 'Themes in public feedback';
  const titlePair = pairOf(root, 'title');
  if (titlePair !== undefined) {
    const value = stringValue(titlePair.value as Node);
    if (value === null) nodeAt(titlePair.value as Node, 'title must be a string', 'quote it: title: "..."');
    else title = value.trim();
  }

  let redaction: RedactionPolicy = DEFAULT_REDACTION_POLICY;
  const redactPair = pairOf(root, 'redact');
  if (redactPair !== undefined) {
    const redactNode = redactPair.value as Node | null;
    const parsed = parseRedactionPolicy(redactNode === null ? null : redactNode.toJSON(), 'redact');
    if ('issues' in parsed) {
      for (const issue of parsed.issues) nodeAt(nodeAtPath(redactNode, issue.path) ?? redactPair, issue.message, issue.hint);
    } else {
      redaction = parsed.policy;
    }
  }

  const themes: Theme[] = [];
  const themesPair = pairOf(root, 'themes');
  if (themesPair === undefined) {
    at(root.range?.[0], 'missing "themes"', 'add a "themes:" list (see README, "The codebook")');
  } else if (!isSeq(themesPair.value) || themesPair.value.items.length === 0) {
    nodeAt((themesPair.value as Node) ?? themesPair, 'themes must be a non-empty list', 'list each theme as "- id: ..." under themes:');
  } else {
    const seenIds = new Map<string, number>();
    themesPair.value.items.forEach((item, index) => {
      const where = `themes[${index}]`;
      if (!isMap(item)) {
        nodeAt(
          item as Node,
          `${where} must be a mapping with id, label and keywords`,
          'write "- id: ...", then label: and keywords: indented below it',
        );
        return;
      }
      checkKeys(item, THEME_KEYS, where, nodeAt);
      const id = requiredString(item, 'id', where, nodeAt);
      if (id !== null && !THEME_ID.test(id)) {
        nodeAt(
          pairOf(item, 'id')?.value as Node,
          `${where}.id "${id}" is not a valid id`,
          'use lower-case letters, digits, - and _, starting with a letter or digit',
        );
      }
      if (id !== null) {
        if (seenIds.has(id))
          nodeAt(
            pairOf(item, 'id')?.value as Node,
            `theme id "${id}" is used twice`,
            `rename one; the first is themes[${seenIds.get(id)}]`,
          );
        else seenIds.set(id, index);
      }
      const label = requiredString(item, 'label', where, nodeAt);
      const descriptionPair = pairOf(item, 'description');
      let description = '';
      if (descriptionPair !== undefined) {
        const value = stringValue(descriptionPair.value as Node);
        if (value === null) nodeAt(descriptionPair.value as Node, `${where}.description must be a string`, 'quote it');
        else description = value.trim();
      }
      const keywords = patternList(item, 'keywords', where, true, nodeAt);
      const exclude = patternList(item, 'exclude', where, false, nodeAt);
      if (id !== null && label !== null) themes.push({ id, label: label.trim(), description, keywords, exclude });
    });
  }
  if (issues.length > 0) return { issues: issues.sort((a, b) => a.line - b.line || a.col - b.col) };
  return { codebook: { version: 1, title, themes, redaction, fingerprint: fingerprintOf(title, themes, redaction), file } };
}

type NodeReporter = (node: Node | Pair | null | undefined, message: string, hint: string) => void;

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** The deepest indentation accepted, in columns: far beyond any codebook, far below what hurts the parser. */
const MAX_INDENT = 256;

/**
 * Finds where a text nests deeper than {@link MAX_DEPTH} (flow brackets outside comments and quoted
 * scalars, or block `- - -` sequences) or is indented deeper than {@link MAX_INDENT}, before the YAML
 * parser sees it: deep enough nesting exhausts its stack or memory and can take the process down.
 */
function excessiveNesting(text: string): number | null {
  let depth = 0;
  let quote: '"' | "'" | null = null;
  let comment = false;
  let lineStart = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\n') {
      comment = false;
      lineStart = index + 1;
      const line = text.slice(lineStart, text.indexOf('\n', lineStart) === -1 ? undefined : text.indexOf('\n', lineStart));
      const indent = /^[ \t-]*/.exec(line)?.[0] ?? '';
      if (indent.length > MAX_INDENT || (indent.match(/-/g)?.length ?? 0) > MAX_DEPTH) return lineStart;
      continue;
    }
    if (comment) continue;
    if (quote !== null) {
      if (quote === '"' && character === '\\') index += 1;
      else if (character === quote) {
        if (quote === "'" && text[index + 1] === "'") index += 1;
        else quote = null;
      }
      continue;
    }
    const previous = index === lineStart ? ' ' : (text[index - 1] ?? ' ');
    if (character === '#' && /\s/.test(previous)) comment = true;
    else if ((character === '"' || character === "'") && /[\s[{,:]/.test(previous)) quote = character;
    else if (character === '[' || character === '{') {
      depth += 1;
      if (depth > MAX_DEPTH) return index;
    } else if ((character === ']' || character === '}') && depth > 0) depth -= 1;
  }
  const firstLine = /^[ \t-]*/.exec(text)?.[0] ?? '';
  return firstLine.length > MAX_INDENT || (firstLine.match(/-/g)?.length ?? 0) > MAX_DEPTH ? 0 : null;
}

function findAliases(root: Node | null): Node[] {
  const found: Node[] = [];
  const stack: unknown[] = root === null ? [] : [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      found.push(node);
      continue;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor !== undefined) found.push(node);
    }
    if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
    else if (isSeq(node)) stack.push(...node.items);
  }
  return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** Finds the node a path such as `redact.kinds[2]` points at (the first segment names `start` itself). */
function nodeAtPath(start: Node | null, path: string): Node | null {
  const segments = path.split(/\.|(?=\[)/).slice(1);
  let node: Node | null = start;
  for (const segment of segments) {
    const index = /^\[(\d+)\]$/.exec(segment);
    if (index !== null && isSeq(node)) node = (node.items[Number(index[1])] as Node | undefined) ?? null;
    else if (index === null && isMap(node)) node = (pairOf(node, segment)?.value as Node | undefined) ?? null;
    else return node;
    if (node === null) return null;
  }
  return node;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined;
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function checkKeys(map: YAMLMap, allowed: readonly string[], where: string, report: NodeReporter): void {
  for (const pair of map.items) {
    const name = keyName(pair);
    if (allowed.includes(name)) continue;
    const suggestion = closestName(name, allowed);
    report(
      pair,
      `unknown key "${name}" in ${where}`,
      suggestion === null ? `allowed keys: ${allowed.join(', ')}` : `did you mean "${suggestion}"?`,
    );
  }
}

function stringValue(node: Node | null | undefined): string | null {
  if (!isScalar(node) || typeof node.value !== 'string') return null;
  return node.value;
}

function requiredString(map: YAMLMap, key: string, where: string, report: NodeReporter): string | null {
  const pair = pairOf(map, key);
  if (pair === undefined) {
    report(map, `${where} has no "${key}"`, `add "${key}:" to this theme`);
    return null;
  }
  const value = stringValue(pair.value as Node);
  if (value === null || value.trim() === '') {
    report(
      (pair.value as Node | null) ?? pair,
      `${where}.${key} must be a non-empty string`,
      'quote it if it looks like a number, true/false or null',
    );
    return null;
  }
  return value;
}

function patternList(map: YAMLMap, key: 'keywords' | 'exclude', where: string, required: boolean, report: NodeReporter): KeywordPattern[] {
  const pair = pairOf(map, key);
  if (pair === undefined) {
    if (required) report(map, `${where} has no "keywords"`, 'add "keywords: [word, another word, phrase with words]"');
    return [];
  }
  const value = pair.value as Node | null;
  const items: (Node | null)[] = isSeq(value) ? (value.items as (Node | null)[]) : [value];
  if (required && isSeq(value) && items.length === 0) {
    report(value, `${where}.keywords is empty`, 'list at least one keyword');
  }
  const patterns: KeywordPattern[] = [];
  const seen = new Map<string, string>();
  items.forEach((item, index) => {
    const path = isSeq(value) ? `${where}.${key}[${index}]` : `${where}.${key}`;
    if (isAlias(item)) return;
    if (!isScalar(item) || typeof item.value !== 'string') {
      const shown = isScalar(item) ? JSON.stringify(item.value) : isMap(item) ? 'a mapping' : isSeq(item) ? 'a list' : 'nothing';
      report(item ?? pair, `${path} is ${shown}, not a string`, `quote it: "${isScalar(item) ? String(item.value) : '...'}"`);
      return;
    }
    const result = compilePattern(item.value);
    if ('problem' in result) {
      report(item, `${path} "${item.value}" ${result.problem}`, result.hint);
      return;
    }
    const signature = JSON.stringify(result.pattern.terms);
    const previous = seen.get(signature);
    if (previous !== undefined) {
      report(item, `${path} "${item.value}" is the same as "${previous}" after normalisation`, 'remove one of them');
      return;
    }
    seen.set(signature, item.value);
    patterns.push(result.pattern);
  });
  return patterns;
}

/**
 * Normalises one keyword or phrase with the same function as record text. A word ending in `*`
 * is a prefix wildcard matched against one word, so no pattern can make matching slow.
 */
export function compilePattern(source: string): { pattern: KeywordPattern } | { problem: string; hint: string } {
  const terms: TermPattern[] = [];
  for (const piece of source.trim().split(/\s+/)) {
    if (piece.endsWith('*')) {
      const body = piece.slice(0, -1);
      const words = normaliseText(body).tokens;
      const last = words[words.length - 1];
      if (body.includes('*') || last === undefined || last.end !== normaliseText(body).prepared.trimEnd().length) {
        return { problem: 'has a * that is not at the end of a word', hint: 'a wildcard may only end a word: personalis*' };
      }
      for (const word of words.slice(0, -1)) terms.push({ kind: 'stem', stem: word.stem });
      if (last.word.length < MIN_PREFIX) {
        return {
          problem: `has a wildcard prefix shorter than ${MIN_PREFIX} letters`,
          hint: 'lengthen the prefix so it does not match almost every word',
        };
      }
      terms.push({ kind: 'prefix', prefix: last.word });
      continue;
    }
    if (piece.includes('*')) return { problem: 'has a * inside a word', hint: 'a wildcard may only end a word: personalis*' };
    for (const word of normaliseText(piece).tokens) terms.push({ kind: 'stem', stem: word.stem });
  }
  if (terms.length === 0) {
    return { problem: 'has no words to match', hint: 'URLs, e-mail addresses, @mentions and punctuation never match; use words' };
  }
  return { pattern: { source: source.trim(), terms } };
}

function fingerprintOf(title: string, themes: readonly Theme[], redaction: RedactionPolicy): string {
  const redact = {
    kinds: [...redaction.kinds].sort(),
    keepHandles: [...redaction.keepHandles].map((handle) => handle.toLowerCase()).sort(),
  };
  const canonical = JSON.stringify({ version: 1, title, themes, redact });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

function closestName(name: string, candidates: readonly string[]): string | null {
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
