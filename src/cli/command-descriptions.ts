/**
 * What each of tlap's commands does, in one line: the top-level help shows it without loading the
 * command's module (see command-list.ts), and the command's own help shows the same words.
 */
export const COMMAND_DESCRIPTIONS = {
  ingest: 'read export files into the record store, accounting for every item',
  themes: 'assign records to themes from the codebook and write the summary report',
  diff: 'print a markdown changelog between two --format json reports (records, quotes and keywords that moved)',
  sources: 'list the files the store holds records from, with their format and counts',
  forget: 'remove the records that only these ingested files held (see tlap sources)',
  explain: 'show why records got their themes: every hit, vetoed hit and theme not matched',
  test: "check the codebook against its themes' examples (examples: {match: […], no_match: […]})",
  audit: 'show what each keyword of the codebook matches in the store, and problems with suggested fixes',
  sample: 'draw a random sample of records as a sheet to code by hand (the human coding tlap eval reads)',
  agree: "compare two people's coding of the same records: kappa per theme, and the records they coded differently",
  eval: "compare the codebook's coding of the store with human coding (a gold CSV, or a column of the exports), and suggest changes",
  gaps: 'find what unthemed records talk about, or (--discover) propose a starter codebook',
  formats: 'list the export formats tlap reads, with their extensions and signatures',
} as const;
