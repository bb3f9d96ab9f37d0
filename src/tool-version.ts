import { readFileSync } from 'node:fs';

/** tlap's version, from package.json (read once, from the source or the build alike). */
export const TOOL_VERSION: string = (() => {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
})();
