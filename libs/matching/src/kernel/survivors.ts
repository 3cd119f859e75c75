/**
 * The columns a first pass kept (in WebAssembly or JavaScript), with what it computed on the
 * way: the two theme sums (forRow | forColumn << 8; each at most 135), the population
 * similarity and the squared chord, exactly as the last stages would compute them.
 */
export interface Survivors {
  readonly list: Int32Array;
  readonly themeSums: Int32Array;
  readonly population: Float64Array;
  readonly chord2: Float64Array;
}
