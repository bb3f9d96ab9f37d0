import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import type { SourcePosition } from './codebook.js';
import type { CodebookIssue } from './codebook-issue.js';
import type { RawCodebookDocument, RawEntry, RawNode } from './raw-codebook.js';

/** The deepest YAML nesting accepted; themes.yaml needs five levels. */
export const MAX_DEPTH = 32;

/** The deepest indentation accepted, in columns: far beyond any codebook, far below what hurts the parser. */
const MAX_INDENT = 256;

/** What {@link parseCodebookText} returns: the raw tree, or the problems that stopped it. */
export interface ParsedCodebookText {
  /** The tree as written, or null when the YAML could not be read. */
  document: RawCodebookDocument | null;
  /** Syntax problems (errors), at most one per line and none that only follow from an earlier one. */
  issues: CodebookIssue[];
}

/**
 * Stage 1 of loading a codebook: YAML text → a raw tree in which every node keeps its line and
 * column. Refuses, before the YAML parser sees them, nesting and indentation deep enough to hurt
 * it; refuses anchors and aliases (one issue per line that has any). A syntax slip is reported
 * once, where it is: the parser's follow-on complaints about the lines after it are dropped.
 */
export function parseCodebookText(text: string, file: string): ParsedCodebookText {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== null) {
    const before = text.slice(0, tooDeep);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    return {
      document: null,
      issues: [
        error(
          file,
          { line, col: tooDeep - before.lastIndexOf('\n') },
          `nesting deeper than ${MAX_DEPTH} levels`,
          'themes.yaml needs only a list of themes with lists of keywords',
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  const syntaxIssues = syntaxErrors([...document.errors, ...document.warnings], file);
  if (syntaxIssues.length > 0) return { document: null, issues: syntaxIssues };

  const positionOf = (node: Node | null | undefined, fallback: SourcePosition = { line: 1, col: 1 }): SourcePosition =>
    node?.range === undefined || node.range === null ? fallback : lineCounter.linePos(node.range[0]);

  const aliasIssues = aliasErrors(document.contents as Node | null, positionOf, file);
  if (aliasIssues.length > 0) return { document: null, issues: aliasIssues };
  return { document: { file, root: rawTree(document.contents as Node | null, positionOf) }, issues: [] };
}

function error(file: string, position: SourcePosition, message: string, hint: string): CodebookIssue {
  return { severity: 'error', file, line: position.line, col: position.col, message, hint };
}

/**
 * The parser's errors as issues. Every tab used as indentation is its own mistake and is reported;
 * any other syntax error is reported only when it is the first problem, since what the parser says
 * about the lines after a slip is a cascade of it. Duplicate keys are each their own mistake.
 */
function syntaxErrors(errors: readonly YAMLError[], file: string): CodebookIssue[] {
  const tabs = errors.filter((entry) => entry.code === 'TAB_AS_INDENT');
  const duplicates = errors.filter((entry) => entry.code === 'DUPLICATE_KEY');
  const others = errors.filter((entry) => entry.code !== 'TAB_AS_INDENT' && entry.code !== 'DUPLICATE_KEY');
  const firstOther = others.sort((a, b) => (a.pos[0] ?? 0) - (b.pos[0] ?? 0))[0];
  const chosen =
    tabs.length > 0
      ? tabs
      : firstOther !== undefined
        ? [firstOther, ...duplicates.filter((entry) => entry.pos[0] < firstOther.pos[0])]
        : duplicates;
  const seenLines = new Set<number>();
  const issues: CodebookIssue[] = [];
  for (const entry of chosen.sort((a, b) => (a.pos[0] ?? 0) - (b.pos[0] ?? 0))) {
    const position = entry.linePos?.[0] ?? { line: 1, col: 1 };
    if (seenLines.has(position.line)) continue;
    seenLines.add(position.line);
    const hint =
      entry.code === 'DUPLICATE_KEY'
        ? 'each key may appear once per mapping; merge or remove the repeated one'
        : entry.code === 'TAB_AS_INDENT'
          ? 'indent with spaces, not tabs'
          : 'fix the YAML syntax at this position';
    issues.push(error(file, position, firstLine(entry.message), hint));
  }
  return issues;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function aliasErrors(root: Node | null, positionOf: (node: Node | null | undefined) => SourcePosition, file: string): CodebookIssue[] {
  const byLine = new Map<number, { position: SourcePosition; count: number }>();
  for (const node of findAliases(root)) {
    const position = positionOf(node);
    const seen = byLine.get(position.line);
    if (seen === undefined) byLine.set(position.line, { position, count: 1 });
    else seen.count += 1;
  }
  return [...byLine.values()].map(({ position, count }) =>
    error(
      file,
      position,
      `YAML anchors and aliases (&name, *name) are not allowed${count > 1 ? ` (${count} on this line)` : ''}`,
      'write each value out in full',
    ),
  );
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
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** The YAML document as raw nodes, built without recursion. */
function rawTree(
  root: Node | null,
  positionOf: (node: Node | null | undefined, fallback?: SourcePosition) => SourcePosition,
): RawNode | null {
  if (root === null) return null;
  let result: RawNode | null = null;
  const stack: { node: unknown; fallback: SourcePosition; set: (value: RawNode) => void }[] = [
    { node: root, fallback: { line: 1, col: 1 }, set: (value) => (result = value) },
  ];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    const { node, fallback, set } = next;
    if (isMap(node)) {
      const entries: RawEntry[] = [];
      set({ kind: 'map', entries, position: positionOf(node, fallback) });
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyPosition = positionOf(keyNode, positionOf(node, fallback));
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const entry: RawEntry = { key, keyPosition, value: { kind: 'scalar', value: null, position: keyPosition } };
        entries.push(entry);
        stack.push({ node: pair.value, fallback: keyPosition, set: (value) => (entry.value = value) });
      }
    } else if (isSeq(node)) {
      const items: RawNode[] = [];
      const position = positionOf(node, fallback);
      set({ kind: 'list', items, position });
      node.items.forEach((item, index) => {
        items.push({ kind: 'scalar', value: null, position });
        stack.push({ node: item, fallback: position, set: (value) => (items[index] = value) });
      });
    } else if (isScalar(node)) {
      const value = node.value;
      const scalar =
        value === null || value === undefined
          ? null
          : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? value
            : String(value);
      set({ kind: 'scalar', value: scalar, position: positionOf(node, fallback) });
    } else {
      set({ kind: 'scalar', value: null, position: fallback });
    }
  }
  return result;
}

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
  const firstIndent = /^[ \t-]*/.exec(text)?.[0] ?? '';
  return firstIndent.length > MAX_INDENT || (firstIndent.match(/-/g)?.length ?? 0) > MAX_DEPTH ? 0 : null;
}
