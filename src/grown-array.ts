/** The typed arrays that tlap's tables grow. */
type GrowableArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/**
 * A new typed array of the same kind and `length` elements, starting with `array`'s contents and
 * zero after them: how a table held in typed arrays grows (the old array is dropped by the caller).
 */
export function grownArray<Array extends GrowableArray>(array: Array, length: number): Array {
  const grown = new (array.constructor as new (length: number) => Array)(length);
  grown.set(array);
  return grown;
}
