// The built-ins every module of a test run reads from this module instead of from the global object
// (see test/sandbox-globals-transformer.js; CommonJS modules get them as parameters, jest.config.js's
// sandboxInjectedGlobals). jest runs each test file in a vm context whose global object is a
// Proxy, so each read of a global such as `Math` or `Map` goes through the context's interceptor
// and the Proxy's trap, about 100 times slower than in a plain node process, and the code that
// reads it is never optimised (hashKey, 53 bits of Math.imul a character, ran ten times slower
// under jest than in node). A module-level binding is read directly. Only built-ins that no test
// replaces are here: not the timers, Date, performance, console or process, which jest's fake
// timers and its console capture swap on the global object.
// Evaluated once per test file, in its context: these are that context's built-ins.
export const Math = globalThis.Math;
export const Object = globalThis.Object;
export const Array = globalThis.Array;
export const Number = globalThis.Number;
export const String = globalThis.String;
export const Boolean = globalThis.Boolean;
export const Symbol = globalThis.Symbol;
export const JSON = globalThis.JSON;
export const Reflect = globalThis.Reflect;
export const Map = globalThis.Map;
export const Set = globalThis.Set;
export const WeakMap = globalThis.WeakMap;
export const WeakSet = globalThis.WeakSet;
export const RegExp = globalThis.RegExp;
export const Error = globalThis.Error;
export const TypeError = globalThis.TypeError;
export const RangeError = globalThis.RangeError;
export const Promise = globalThis.Promise;
export const ArrayBuffer = globalThis.ArrayBuffer;
export const DataView = globalThis.DataView;
export const Uint8Array = globalThis.Uint8Array;
export const Int8Array = globalThis.Int8Array;
export const Uint16Array = globalThis.Uint16Array;
export const Int16Array = globalThis.Int16Array;
export const Uint32Array = globalThis.Uint32Array;
export const Int32Array = globalThis.Int32Array;
export const Float32Array = globalThis.Float32Array;
export const Float64Array = globalThis.Float64Array;
export const BigInt = globalThis.BigInt;
export const Intl = globalThis.Intl;
export const parseInt = globalThis.parseInt;
export const parseFloat = globalThis.parseFloat;
export const isNaN = globalThis.isNaN;
export const isFinite = globalThis.isFinite;
export const encodeURIComponent = globalThis.encodeURIComponent;
export const decodeURIComponent = globalThis.decodeURIComponent;
export const Buffer = globalThis.Buffer;
export const TextDecoder = globalThis.TextDecoder;
export const TextEncoder = globalThis.TextEncoder;
export const URL = globalThis.URL;
