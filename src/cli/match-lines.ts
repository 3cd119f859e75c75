/**
 * The match command's output: one JSON line per member, read straight from the lists' arrays. A plain
 * function of copied and shared data, so that a pool thread can write one half while the command's own
 * thread writes the other (TopKPool.runTask).
 */
export interface LinesInput {
  /** Member ids by prepared index. */
  ids: readonly string[];
  /** The lists' first source index (ids[start + slot] is a slot's member). */
  start: number;
  /** The slot of each line to write, in output order. */
  slots: Int32Array;
  k: number;
  counts: Int32Array;
  indices: Int32Array;
  scores: Float64Array;
  /** Round scores to this many decimals; by default they are written in full. */
  decimals?: number;
}

/**
 * The lines, each ending in a newline. Each line is one JSON.stringify of plain objects: V8 writes
 * the numbers and strings of a whole line in one native pass, which is a third faster here than
 * writing each score with String and joining the pieces. JSON writes a number in full as the
 * shortest text that reads back to the same number.
 */
export function matchLines(input: LinesInput): string {
  const { ids, start, slots, k, counts, indices, scores, decimals } = input;
  const shown = decimals === undefined ? (score: number) => score : (score: number) => Number(score.toFixed(decimals));
  const lines: string[] = [];
  for (const slot of slots) {
    const base = slot * k;
    const suggestions = new Array<{ city: string; score: number }>(counts[slot]);
    for (let r = 0; r < suggestions.length; r++) {
      suggestions[r] = { city: ids[indices[base + r]], score: shown(scores[base + r]) };
    }
    lines.push(JSON.stringify({ city: ids[start + slot], suggestions }));
  }
  // The last line's newline from join itself: one flat string, which node encodes twice as fast as
  // a string joined to its last newline afterwards.
  lines.push('');
  return lines.join('\n');
}

/** matchLines as UTF-8, for a pool thread: the thread encodes its part, and bytes cross threads in one copy. */
export function matchLinesUtf8(input: LinesInput): Uint8Array {
  return Buffer.from(matchLines(input), 'utf8');
}
