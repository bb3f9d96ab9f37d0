/** The record fields a table column can fill. */
export type MappedField = 'text' | 'author' | 'date' | 'id' | 'channel' | 'url' | 'inReplyTo';

/** The fields `--map` accepts. */
export const MAPPED_FIELDS: readonly MappedField[] = ['text', 'author', 'date', 'id', 'channel', 'url', 'inReplyTo'];
