import type { Channel } from '../record/record.js';

/** How each channel is named in a published report. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  twitter: 'Twitter/X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  'blog-comment': 'Blog comments',
  forum: 'Forums',
  email: 'E-mail',
  'event-note': 'Event notes',
  transcript: 'Transcripts',
  survey: 'Surveys',
  other: 'Other',
};
