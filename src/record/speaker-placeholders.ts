/**
 * Speaker labels that name no one: what a transcription tool writes when it tells voices apart
 * without knowing whose they are (`Speaker 1`, `Speaker A`, `SPEAKER_00`, `spk_0`, `Participant 2`,
 * `Guest`), or cannot tell at all (`Unknown Speaker`).
 */
const PLACEHOLDER_SPEAKER =
  /^(?:(?:unknown|unidentified)(?:[\s_-]+speaker)?(?:[\s_-]*\d{1,3})?|(?:speaker|participant|attendee|guest|caller|spk|spkr)(?:[\s_-]*(?:\d{1,3}|[a-z]))?)$/i;

/** Labels of a speaker the tool could not identify: two of its turns may be two people. */
const UNKNOWN_SPEAKER = /^(?:unknown|unidentified)(?:[\s_-]+speaker)?(?:[\s_-]*\d{1,3})?$/i;

/**
 * Whether a transcript's speaker label names no one (see {@link PLACEHOLDER_SPEAKER}): such a
 * label is one voice within its recording only, since every recording has its `Speaker 1`.
 */
export function isPlaceholderSpeaker(label: string): boolean {
  return PLACEHOLDER_SPEAKER.test(label.trim());
}

/** Whether a speaker label says the speaker is not known (`Unknown Speaker`): each of its turns may be another person. */
export function isUnknownSpeaker(label: string): boolean {
  return UNKNOWN_SPEAKER.test(label.trim());
}
