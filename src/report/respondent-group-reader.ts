import { postcodeDistrict } from '../privacy/postcode-district.js';
import type { FeedbackRecord } from '../record/record.js';
import { NO_ANSWER_KEY } from './theme-report.js';

/** `meta.answers` keys whose match to the group question is remembered (surveys repeat a few; other exports may not). */
const GROUP_KEYS_KEPT = 10_000;

/**
 * Reads each record's respondent group: its answer to the closed question whose text contains what
 * `report.groups` (or a run's own setting) asks for, in any case. The same on every thread, so the
 * groups counted on worker threads and the CSV's group column agree with the report.
 */
export class RespondentGroupReader {
  private readonly needle: string;
  /** Per `meta.answers` key met, whether it holds {@link needle}. */
  private readonly keys = new Map<string, boolean>();

  /**
   * @param asked text the question contains (any case).
   * @param questions where each matched question (`meta.answers` key, as written) is added, so that a
   * report can say when none or several matched.
   */
  constructor(
    asked: string,
    private readonly questions: Set<string> = new Set(),
  ) {
    this.needle = asked.toLowerCase();
  }

  /**
   * The record's answer (trimmed) to the question, or {@link NO_ANSWER_KEY}: of the `meta.answers`
   * keys that hold it, the first in code-unit order. An answer that is a UK postcode or sector (kept
   * whole by a store made before postcodes were cut to their district, or by a column not named
   * as a postcode) is its district (`LS6`), so no group names a handful of homes.
   */
  groupOf(record: FeedbackRecord): string {
    const answers = record.meta['answers'];
    if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return NO_ANSWER_KEY;
    let chosen: string | null = null;
    for (const key of Object.keys(answers)) {
      let holds = this.keys.get(key);
      if (holds === undefined) {
        holds = key.toLowerCase().includes(this.needle);
        if (this.keys.size >= GROUP_KEYS_KEPT) this.keys.clear();
        this.keys.set(key, holds);
      }
      if (!holds) continue;
      this.questions.add(key);
      if (chosen === null || key < chosen) chosen = key;
    }
    if (chosen === null) return NO_ANSWER_KEY;
    const answer = answers[chosen];
    const text =
      typeof answer === 'string' ? answer.trim() : typeof answer === 'number' || typeof answer === 'boolean' ? String(answer) : '';
    if (text === '') return NO_ANSWER_KEY;
    return postcodeDistrict(text) ?? text;
  }
}
