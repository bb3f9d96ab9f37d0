// @swc/jest, and then one import more at the end of each ES module it compiles: the built-ins of
// test/sandbox-globals.js that the module names and does not declare itself, as module bindings
// instead of reads of jest's global object (that file says why). Appended after the last line,
// so the source map of every line above stays true. A name the module declares or imports itself
// (`const { Buffer } = …`, `import { URL } from …`, a `Map` key in an object) is left to the global.
import { createHash } from 'node:crypto';
import swcJest from '@swc/jest';
import * as sandboxGlobals from './sandbox-globals.js';

const NAMES = Object.keys(sandboxGlobals);
const SPECIFIER = 'tlap-sandbox-globals';
const VERSION = createHash('sha1')
  .update(`1 ${NAMES.join(' ')}`)
  .digest('hex');

function referenced(code, name) {
  return new RegExp(`(?<![.\\w$])${name}(?![\\w$])`).test(code);
}

function declared(code, name) {
  return new RegExp(`(?:\\b(?:const|let|var|class|function\\*?)\\s+|[{,]\\s*|\\bas\\s+|\\bimport\\s+)${name}(?![\\w$])`).test(code);
}

function withSandboxGlobals(code) {
  const names = NAMES.filter((name) => referenced(code, name) && !declared(code, name));
  return names.length === 0 ? code : `${code}\nimport { ${names.join(', ')} } from '${SPECIFIER}';\n`;
}

/** The transformer of jest.config.js. */
export default {
  createTransformer(options) {
    const swc = swcJest.createTransformer(options);
    return {
      canInstrument: swc.canInstrument,
      process(source, filename, jestOptions) {
        const result = swc.process(source, filename, jestOptions);
        return jestOptions.supportsStaticESM ? { ...result, code: withSandboxGlobals(result.code) } : result;
      },
      async processAsync(source, filename, jestOptions) {
        const result = await swc.processAsync(source, filename, jestOptions);
        return { ...result, code: withSandboxGlobals(result.code) };
      },
      getCacheKey(source, filename, ...rest) {
        return createHash('sha1')
          .update(swc.getCacheKey(source, filename, ...rest))
          .update(VERSION)
          .digest('hex');
      },
    };
  },
};
