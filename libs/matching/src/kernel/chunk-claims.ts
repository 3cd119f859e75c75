/**
 * The chunks of rows of one computeTopK, shared by the threads that scan them: the pool's threads claim
 * from the front, and a calling thread that scans beside them (`callerScans`) from the back. The calling
 * thread starts with code that has not run in its process yet, and the rows at the back are the cheap ones
 * for it: few columns after them, and bars that are high by then, so their pairs end mostly in the
 * WebAssembly first pass (ready within milliseconds) rather than in the JavaScript last stages (which take
 * a while to be optimised). Each chunk is claimed once, whichever end it is taken from.
 */
const FRONT = 0; // the next chunk from the front
const BACK = 1; // one past the next chunk from the back
const LOCK = 2; // 0 free, 1 held: a claim reads and moves both ends together
const FIELDS = 3;

/** Claims on `chunks` chunks, numbered from 0, on shared memory. */
export function chunkClaims(chunks: number): Int32Array {
  const claims = new Int32Array(new SharedArrayBuffer(4 * FIELDS));
  claims[BACK] = chunks;
  return claims;
}

/** The next unclaimed chunk from the front (or, with `fromBack`, from the back); -1 when none is left. */
export function claimChunk(claims: Int32Array, fromBack = false): number {
  while (Atomics.compareExchange(claims, LOCK, 0, 1) !== 0) {
    // Another thread holds the claims for the few steps of one claim.
  }
  let chunk = -1;
  if (claims[FRONT] < claims[BACK]) chunk = fromBack ? --claims[BACK] : claims[FRONT]++;
  Atomics.store(claims, LOCK, 0);
  return chunk;
}
