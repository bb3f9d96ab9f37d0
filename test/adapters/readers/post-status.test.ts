import { describe, expect, test } from '@jest/globals';
import { authorProfileColumn, profileLinkKind, withdrawal, withdrawalColumns } from '../../../src/adapters/readers/post-status.js';

describe('post-status', () => {
  test('the author’s profile column is a person object’s link, by its path', () => {
    expect(authorProfileColumn(['id', 'author/id', 'author/name', 'author/url', 'url'])).toBe('author/url');
    expect(authorProfileColumn(['user.profile_url', 'text'])).toBe('user.profile_url');
    expect(authorProfileColumn(['participatory_space/url', 'url', 'original_proposal/url'])).toBeUndefined();
  });

  test('a profile link is a person’s unless it is the site’s root or a meeting’s page; anything else says nothing', () => {
    expect(
      [
        'https://participate.example.org/profiles/marta_o',
        'https://participate.example.org/',
        'https://participate.example.org',
        'https://participate.example.org/processes/parks/f/9/meetings/4',
        '',
        'mailto:someone@example.org',
        'not a link',
      ].map(profileLinkKind),
    ).toEqual(['person', 'not-a-person', 'not-a-person', 'not-a-person', 'none', 'none', 'none']);
  });

  test('a row is withdrawn by its state, its withdrawn flag or its withdrawn_at date', () => {
    const columns = withdrawalColumns(['id', 'State', 'withdrawn', 'withdrawn_at']);
    expect(columns).toEqual({ state: 'State', flag: 'withdrawn', at: 'withdrawn_at' });
    if (columns === undefined) return;
    expect(withdrawal({ State: 'Withdrawn' }, columns)).toBe('state "Withdrawn"');
    expect(withdrawal({ State: 'accepted', withdrawn: 'true' }, columns)).toBe('withdrawn true');
    expect(withdrawal({ State: 'evaluating', withdrawn: 'false', withdrawn_at: '2024-06-03 07:41:19 UTC' }, columns)).toBe(
      'withdrawn_at 2024-06-03 07:41:19 UTC',
    );
    expect(withdrawal({ State: 'evaluating', withdrawn: 'false', withdrawn_at: '' }, columns)).toBeNull();
    expect(withdrawalColumns(['id', 'title', 'body'])).toBeUndefined();
  });
});
