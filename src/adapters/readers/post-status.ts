import { simplifyColumnName } from './column-names.js';

/**
 * Column names (simplified) of a link to a post's author's profile, by its path: Decidim's
 * `author/url` (a participant's `/profiles/<nickname>`, the site's root for the organisation, a
 * meeting's page for a proposal made in a meeting), `author/profile_url`, `user.url`.
 */
const AUTHOR_OBJECTS: readonly string[] = ['author', 'user', 'creator', 'poster', 'owner'];
const PROFILE_LINKS: readonly string[] = ['url', 'profileurl', 'link', 'profilelink', 'profile'];

/** The column linking to each post's author's profile (`author/url`), or undefined when the table has none. */
export function authorProfileColumn(headers: readonly string[]): string | undefined {
  return headers.find((header) => {
    const parts = header.split(/[/.]/).map(simplifyColumnName);
    const [object, link] = parts.length === 2 ? parts : [];
    return object !== undefined && link !== undefined && AUTHOR_OBJECTS.includes(object) && PROFILE_LINKS.includes(link);
  });
}

/** What an author's profile link says of who wrote a post. */
export type ProfileLinkKind = 'person' | 'not-a-person' | 'none';

/**
 * Whether an author link is a person's profile: Decidim links the organisation as the author of an
 * official proposal by the site's root (`https://participate.example.org/`) and a proposal made in
 * a meeting by the meeting's page (`…/meetings/4`); any other link is a person's (`…/profiles/marta_o`).
 * An empty cell, or one that is no http(s) address, says nothing.
 */
export function profileLinkKind(cell: string): ProfileLinkKind {
  let url: URL;
  try {
    url = new URL(cell.trim());
  } catch {
    return 'none';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'none';
  const path = url.pathname.replace(/\/+$/, '');
  return path === '' || /\/meetings\/\d+$/.test(path) ? 'not-a-person' : 'person';
}

/** The columns that say a post was withdrawn by its author: Decidim's `state`, `withdrawn` and `withdrawn_at`. */
export interface WithdrawalColumns {
  state?: string;
  flag?: string;
  at?: string;
}

/** {@link WithdrawalColumns} of a table, or undefined when it has none. */
export function withdrawalColumns(headers: readonly string[]): WithdrawalColumns | undefined {
  const find = (names: readonly string[]): string | undefined => headers.find((header) => names.includes(simplifyColumnName(header)));
  const columns: WithdrawalColumns = {};
  const state = find(['state', 'status']);
  const flag = find(['withdrawn', 'iswithdrawn']);
  const at = find(['withdrawnat', 'withdrawndate', 'datewithdrawn']);
  if (state !== undefined) columns.state = state;
  if (flag !== undefined) columns.flag = flag;
  if (at !== undefined) columns.at = at;
  return flag === undefined && at === undefined && state === undefined ? undefined : columns;
}

/**
 * What says a row's post was withdrawn by its author, or null: its state `withdrawn` (Decidim up to
 * 0.27), `withdrawn` true, or a `withdrawn_at` date (Decidim from 0.28, which keeps the state it had).
 */
export function withdrawal(row: Readonly<Record<string, string>>, columns: WithdrawalColumns): string | null {
  const value = (column: string | undefined): string => (column === undefined ? '' : (row[column] ?? '').trim());
  if (value(columns.state).toLowerCase() === 'withdrawn') return `state ${JSON.stringify(value(columns.state))}`;
  if (['true', 'yes', '1'].includes(value(columns.flag).toLowerCase())) return `${columns.flag ?? 'withdrawn'} ${value(columns.flag)}`;
  const at = value(columns.at);
  if (at !== '' && at.toLowerCase() !== 'null') return `${columns.at ?? 'withdrawn_at'} ${at}`;
  return null;
}
