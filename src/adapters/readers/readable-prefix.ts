import { InputError } from '../../errors.js';

/**
 * A pass that gathers what items need before they are read (a Disqus export's threads, a feed's
 * post titles, an export's commenters, the uris statuses reply to), read up to where the file
 * stops being readable: a file cut short or broken part-way. Thrown from this pass, the break
 * would lose every item before it. The pass that reads the items meets it at the same place and
 * reports it there, after the items before it, which are kept; when that pass never reaches it
 * (it reads a part of the file before the break), `throwBreak` reports it once the items are read.
 */
export class ReadablePrefix {
  private broken: InputError | null = null;

  /** The values of the gathering pass, up to the break. */
  async *of<T>(values: AsyncIterable<T>): AsyncIterable<T> {
    try {
      for await (const value of values) yield value;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.broken = error;
    }
  }

  /** Throws the break the gathering pass met, if it met one. */
  throwBreak(): void {
    if (this.broken !== null) throw this.broken;
  }
}
