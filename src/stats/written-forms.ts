/**
 * The way most records write each term key, for showing a term to a person: `lovely` for the stem
 * `love` when 164 of its 192 records write `lovely`, whichever form came first. Kept with one
 * candidate and one count a key (the Boyer–Moore majority vote), so it costs no more memory than
 * the first form did: a form written by more than half of a key's occurrences is always the one
 * kept; with no such form, one of the forms written last is.
 */
export class WrittenForms {
  private readonly forms = new Map<string, string>();
  private readonly votes = new Map<string, number>();

  /** Counts one occurrence of `key` written as `written`. */
  note(key: string, written: string): void {
    const held = this.forms.get(key);
    const votes = this.votes.get(key) ?? 0;
    if (held === written) {
      this.votes.set(key, votes + 1);
    } else if (held === undefined || votes === 0) {
      this.forms.set(key, written);
      this.votes.set(key, 1);
    } else {
      this.votes.set(key, votes - 1);
    }
  }

  /** The form kept for `key`, when it was noted. */
  get(key: string): string | undefined {
    return this.forms.get(key);
  }

  /** Whether `key` was noted. */
  has(key: string): boolean {
    return this.forms.has(key);
  }

  /** How many keys are held. */
  get size(): number {
    return this.forms.size;
  }

  /** Forgets `key`. */
  delete(key: string): void {
    this.forms.delete(key);
    this.votes.delete(key);
  }
}
