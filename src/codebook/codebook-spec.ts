import type { RedactionPolicy } from '../privacy/redaction-policy.js';
import type { AssignMode, CodingUnit, ConsentPolicy, PublishPolicy, ReportSettings, SourcePosition } from './codebook.js';

/** A string from the codebook with where it is written. */
export interface PositionedText {
  text: string;
  position: SourcePosition;
}

/** A `near:` entry as validated. */
export interface NearSpec {
  all: PositionedText[];
  within: number;
  position: SourcePosition;
}

/** An `exclude:` entry as validated: a phrase, or a phrase with a reach in words. */
export type ExcludeSpec =
  { kind: 'phrase'; phrase: PositionedText } | { kind: 'near'; phrase: PositionedText; within: number; position: SourcePosition };

/** One theme as validated: every value typed, every entry with its position, nothing normalised yet. */
export interface ThemeSpec {
  id: string;
  label: string;
  description: string;
  position: SourcePosition;
  keywords: PositionedText[];
  exact: PositionedText[];
  near: NearSpec[];
  exclude: ExcludeSpec[];
  parent: string | null;
  otherwise: boolean;
  minHits: number;
  examples: { match: PositionedText[]; noMatch: PositionedText[] };
}

/** The whole codebook as validated (stage 2), ready to compile. */
export interface CodebookSpec {
  file: string;
  title: string;
  unit: CodingUnit;
  assign: AssignMode;
  redaction: RedactionPolicy;
  /** Where `redact.kinds` is written, or null when the codebook leaves the default (every kind). */
  redactKindsPosition: SourcePosition | null;
  keepNames: string[];
  publish: PublishPolicy;
  quotes: { exclude: string[]; consent: ConsentPolicy };
  report: ReportSettings;
  themes: ThemeSpec[];
}
