/**
 * themes.yaml as written, before validation. Every field is `unknown` because it comes from YAML:
 * the validator checks each one and reports what is wrong with its position.
 */
export interface RawCodebook {
  /** Must be 1. */
  version?: unknown;
  /** Optional report title (string). */
  title?: unknown;
  /** Publication redaction settings (see README, "Guarantees"). */
  redact?: unknown;
  /** A list of {@link RawTheme}. */
  themes?: unknown;
}

/** One theme as written in themes.yaml. */
export interface RawTheme {
  /** Required: a short id (`carers`). */
  id?: unknown;
  /** Required: a label (`Support for carers`). */
  label?: unknown;
  /** Optional: one sentence. */
  description?: unknown;
  /** Required: a keyword or a list of keywords and phrases. */
  keywords?: unknown;
  /** Optional: a phrase or a list of phrases that veto keyword hits inside them. */
  exclude?: unknown;
}

/** The keys allowed at the top of themes.yaml. */
export const CODEBOOK_KEYS: readonly (keyof RawCodebook)[] = ['version', 'title', 'redact', 'themes'];

/** The keys allowed in a theme. */
export const THEME_KEYS: readonly (keyof RawTheme)[] = ['id', 'label', 'description', 'keywords', 'exclude'];
