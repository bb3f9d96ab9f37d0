import { lineByLineItems, type FormatAdapter } from '../format-adapter.js';
import { looksLikeSpeakerTranscript, SPEAKER_SNIFF_LINES, TranscriptTextReader } from '../readers/typed-transcript.js';

/** Plain-text transcripts with speaker labels: `NAME: words`, optionally with `[00:01:02]` times. */
export const transcriptTextAdapter: FormatAdapter = {
  name: 'transcript-text',
  description: 'Plain-text transcripts with speaker labels (NAME: words, optional [00:01:02] times): one record per turn',
  channel: 'transcript',
  extensions: ['.txt'],
  signature: 'most lines or paragraphs start with a speaker label such as "Jane Smith:" or "[00:01:02] JOHN:", with at least two speakers',
  sniff(input) {
    if (!looksLikeSpeakerTranscript(input.headText.split(/\r?\n/).slice(0, SPEAKER_SNIFF_LINES))) return 0;
    return input.extension === '.txt' ? 0.9 : 0.6;
  },
  read(source) {
    return lineByLineItems(source, new TranscriptTextReader(source.path));
  },
};
