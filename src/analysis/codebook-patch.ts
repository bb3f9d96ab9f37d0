import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLSeq } from 'yaml';
import type { Suggestion } from './suggestions.js';

/**
 * The codebook's YAML text with the suggestions applied: an added keyword is appended to its
 * theme's `keywords` list (a single keyword becomes a list), a dropped one is removed from it.
 * Edits go through the yaml package's Document API, so comments, key order, flow or block style
 * and the other themes stay as they were; a suggestion for a theme the file does not have is
 * skipped. The result is for a person to review as a diff, not to trust blindly.
 */
export function applySuggestions(codebookText: string, suggestions: readonly Suggestion[]): string {
  const document = parseDocument(codebookText, { keepSourceTokens: false });
  const themes = document.get('themes');
  if (!isSeq(themes)) return codebookText;
  for (const suggestion of suggestions) {
    const theme = themes.items.find((item) => isMap(item) && item.get('id') === suggestion.theme);
    if (!isMap(theme)) continue;
    const written = theme.get('keywords', true);
    let keywords: unknown = written;
    if (isScalar(written)) {
      const list = new YAMLSeq();
      list.items.push(written);
      theme.set('keywords', list);
      keywords = list;
    }
    if (!isSeq(keywords)) continue;
    if (suggestion.action === 'add') {
      const present = keywords.items.some(
        (item) => isScalar(item) && String(item.value).toLowerCase() === suggestion.keyword.toLowerCase(),
      );
      if (!present) keywords.items.push(new Scalar(suggestion.keyword));
    } else {
      for (const key of ['keywords', 'exact']) {
        const list = theme.get(key, true);
        if (!isSeq(list)) continue;
        const index = list.items.findIndex((item) => isScalar(item) && String(item.value) === suggestion.keyword);
        if (index !== -1) list.items.splice(index, 1);
      }
    }
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
