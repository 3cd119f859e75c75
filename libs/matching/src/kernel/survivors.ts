/**
 * The columns a first pass kept (in WebAssembly or JavaScript), with the two theme sums it
 * computed on the way (forRow | forColumn << 8; each at most 135), exact in either.
 */
export interface Survivors {
  readonly list: Int32Array;
  readonly themeSums: Int32Array;
}
