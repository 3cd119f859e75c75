import { endianness } from 'node:os';
import { STORED_COMPONENTS, type ScoredCandidate, type StoredComponentName } from '@citymatch/matching';

/** Writes the stored components of `candidateId` in `memberId`'s list at `out[offset…]`, in STORED_COMPONENTS order. */
export type ComponentsOf = (memberId: string, candidateId: string, out: Float32Array, offset: number) => void;

/** A suggestion's stored components, as STORED_COMPONENTS names them. */
export type StoredComponents = Record<StoredComponentName, number>;

// Components are stored as little-endian floats, the byte order of the machine's Float32Array.
if (endianness() !== 'LE') throw new Error('CityMatch stores suggestion components as little-endian floats');
const PER_SUGGESTION = STORED_COMPONENTS.length;

/** A `suggestion_lists` row as the list queries read it. */
export interface ListRow {
  member_id: string;
  candidate_ids: string[];
  scores: number[];
}

/** A stored list, best first, from its row's two arrays. */
export function listOfRow(row: Pick<ListRow, 'candidate_ids' | 'scores'>): ScoredCandidate[] {
  return row.candidate_ids.map((id, at) => ({ id, score: Number(row.scores[at]) }));
}

export function listsOf(rows: readonly ListRow[]): Map<string, ScoredCandidate[]> {
  const lists = new Map<string, ScoredCandidate[]>();
  for (const row of rows) lists.set(row.member_id, listOfRow(row));
  return lists;
}

/** The parameters of the INSERT of replaceLists: each list as two array literals, all components as one binary. */
export interface EncodedLists {
  members: string[];
  candidates: string[];
  scores: string[];
  components: Buffer;
  offsets: number[];
  lengths: number[];
}

/** Empty lists are left out: they are not stored. */
export function encodeLists(lists: ReadonlyMap<string, readonly ScoredCandidate[]>, componentsOf: ComponentsOf): EncodedLists {
  const encoded: EncodedLists = { members: [], candidates: [], scores: [], components: Buffer.alloc(0), offsets: [], lengths: [] };
  let suggestions = 0;
  for (const list of lists.values()) suggestions += list.length;
  const values = new Float32Array(suggestions * PER_SUGGESTION);
  let at = 0;
  for (const [memberId, list] of lists) {
    if (list.length === 0) continue;
    encoded.members.push(memberId);
    encoded.offsets.push(at * 4);
    encoded.lengths.push(list.length * PER_SUGGESTION * 4);
    for (const candidate of list) {
      componentsOf(memberId, candidate.id, values, at);
      at += PER_SUGGESTION;
    }
    encoded.candidates.push(`{${list.map((candidate) => quoted(candidate.id)).join(',')}}`);
    // Number#toString is the shortest text that reads back as the same double: scores round-trip exactly.
    encoded.scores.push(`{${list.map((candidate) => String(candidate.score)).join(',')}}`);
  }
  encoded.components = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return encoded;
}

/** A stored list's components, by rank (from 0). */
export function decodeComponents(bytes: Buffer | Uint8Array): StoredComponents[] {
  const copy = Uint8Array.from(bytes);
  const values = new Float32Array(copy.buffer, 0, copy.length / 4);
  const ranks = values.length / PER_SUGGESTION;
  return Array.from(
    { length: ranks },
    (_, rank) => Object.fromEntries(STORED_COMPONENTS.map((name, n) => [name, values[rank * PER_SUGGESTION + n]])) as StoredComponents,
  );
}

/** An element of an array literal: quoted, so that any id reads back as written. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
