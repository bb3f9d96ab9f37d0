/**
 * One alternative of a {@link GuardedAlternation}: its pattern, and a cheap test that every text
 * the pattern can match somewhere passes (a character or word the pattern cannot match without).
 */
export interface GuardedPattern {
  /** The alternative as written, with its named groups. */
  readonly source: string;
  /** Passed by every text in which {@link source} matches; the more texts it fails, the more it saves. */
  readonly guard: RegExp;
}

/** A global pattern and its guard: a cheap test that every text the pattern can match somewhere passes. */
export interface GuardedRegExp {
  readonly pattern: RegExp;
  readonly guard: RegExp;
}

/**
 * The matches of a guarded pattern in `text`, as `text.matchAll(pattern)` gives them; none, with
 * the pattern neither run nor compiled, when the text fails the guard (see {@link GuardedAlternation}
 * for why that matters).
 */
export function guardedMatches(text: string, { pattern, guard }: GuardedRegExp): Iterable<RegExpExecArray> {
  return guard.test(text) ? text.matchAll(pattern) : [];
}

/**
 * The alternation `a|b|c…` of some patterns, matched as one global regular expression would be:
 * the same matches in the same order (leftmost first, and at one place the first alternative that
 * matches there, each search going on from where the last match ended). Only the alternatives
 * whose guard a text passes are run on it, each as a pattern of its own, so a large alternation
 * costs little on texts that hold none of what it looks for. That matters beyond the search
 * itself: V8 drops the compiled code of a regular expression left unused through a few garbage
 * collections and compiles it again on its next use, which for an alternation of many Unicode
 * patterns costs hundreds of milliseconds each time; an alternative no text needs is never compiled.
 */
export class GuardedAlternation {
  private readonly sources: readonly string[];
  private readonly patterns: readonly RegExp[];
  private readonly guards: readonly RegExp[];

  /** @param flags the flags of the alternation (`g` is added). */
  constructor(
    alternatives: readonly GuardedPattern[],
    readonly flags: string,
  ) {
    const global = flags.includes('g') ? flags : `${flags}g`;
    this.sources = alternatives.map((alternative) => alternative.source);
    this.patterns = alternatives.map((alternative) => new RegExp(alternative.source, global));
    this.guards = alternatives.map((alternative) => new RegExp(alternative.guard.source, alternative.guard.flags.replace(/[gy]/gu, '')));
  }

  /** The alternation as one regular expression: what {@link matches} must agree with. */
  combined(): RegExp {
    return new RegExp(this.sources.join('|'), this.patterns[0]?.flags ?? `${this.flags}g`);
  }

  /** How far a search moves past an empty match at `index`: one character, two code units for an astral one in Unicode mode (`u` or `v`). */
  private stepPast(text: string, index: number): number {
    return /[uv]/u.test(this.flags) && (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  }

  /** The matches of the alternation in `text`, in order, as `text.matchAll(alternation)` gives them. */
  *matches(text: string): Generator<RegExpExecArray> {
    const patterns = this.patterns.filter((_, index) => this.guards[index]?.test(text) === true);
    if (patterns.length === 0) return;
    const found: (RegExpExecArray | null | undefined)[] = patterns.map(() => undefined);
    let from = 0;
    for (;;) {
      let best: RegExpExecArray | null = null;
      for (let index = 0; index < patterns.length; index += 1) {
        let match = found[index];
        if (match === undefined || (match !== null && match.index < from)) {
          const pattern = patterns[index] as RegExp;
          pattern.lastIndex = from;
          match = pattern.exec(text);
          found[index] = match;
        }
        if (match !== null && (best === null || match.index < best.index)) best = match;
      }
      if (best === null) return;
      from = best.index + (best[0].length > 0 ? best[0].length : this.stepPast(text, best.index));
      yield best;
    }
  }
}
