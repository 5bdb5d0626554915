import type { ReusedInt32 } from '../reused-arrays.ts';
import type { AnswerTerms } from './terms.ts';

/**
 * Finds evidence phrases in an answer's terms. A phrase matches when all its terms occur
 * close together inside one segment, in any order: adjacent is the common case, and a little
 * slack (one extra term for a two-term phrase, two beyond) lets "keep the failed and errored
 * traces" still count as "keep errors" while words scattered across a long sentence don't.
 *
 * Everything here is typed arrays: a long answer is matched against a hundred phrase
 * spellings on every score, and this keeps that free of garbage.
 */

export interface TermIndexArrays {
  offsets: ReusedInt32;
  flat: ReusedInt32;
  next: ReusedInt32;
}

/** Where each rubric term occurs in the answer, ascending, as one flat array grouped by term id. */
export class TermIndex {
  /** Positions of term id `t` are flat[offsets[t]] up to flat[offsets[t + 1]]. */
  private readonly offsets: Int32Array;
  private readonly flat: Int32Array;

  /** `reuse`: arrays to build the index in instead of fresh ones (see reused-arrays.ts). */
  constructor(terms: AnswerTerms, termCount: number, reuse?: TermIndexArrays) {
    // Counting sort by id: count, prefix-sum into offsets, then place.
    const offsets = reuse ? reuse.offsets.take(termCount + 1) : new Int32Array(termCount + 1);
    for (let index = 0; index < terms.count; index += 1) {
      const id = terms.ids[index] ?? -1;
      if (id >= 0) offsets[id + 1] = (offsets[id + 1] ?? 0) + 1;
    }
    for (let id = 0; id < termCount; id += 1) offsets[id + 1] = (offsets[id + 1] ?? 0) + (offsets[id] ?? 0);
    const flat = reuse ? reuse.flat.take(offsets[termCount] ?? 0) : new Int32Array(offsets[termCount] ?? 0);
    const next = reuse ? reuse.next.take(termCount) : new Int32Array(termCount);
    next.set(offsets.subarray(0, termCount));
    for (let index = 0; index < terms.count; index += 1) {
      const id = terms.ids[index] ?? -1;
      if (id < 0) continue;
      const slot = next[id] ?? 0;
      flat[slot] = index;
      next[id] = slot + 1;
    }
    this.offsets = offsets;
    this.flat = flat;
  }

  /** First slot of term `id`'s positions. */
  from(id: number): number {
    return this.offsets[id] ?? 0;
  }

  /** Slot just past term `id`'s positions. */
  to(id: number): number {
    return this.offsets[id + 1] ?? 0;
  }

  at(slot: number): number {
    return this.flat[slot] ?? -1;
  }
}

/** Extra terms a phrase may have between its own: none for one word, one for two, two beyond. */
function slackFor(length: number): number {
  return length <= 1 ? 0 : length === 2 ? 1 : 2;
}

/** The position of term `id` nearest to `anchor` (not the anchor itself), within `reach`, or -1. */
function nearest(index: TermIndex, id: number, anchor: number, reach: number): number {
  let low = index.from(id);
  let high = index.to(id);
  const first = low;
  const last = high - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (index.at(mid) < anchor) low = mid + 1;
    else high = mid;
  }
  let best = -1;
  for (let slot = Math.max(first, low - 1); slot <= Math.min(last, low + 1); slot += 1) {
    const candidate = index.at(slot);
    const distance = Math.abs(candidate - anchor);
    if (candidate === anchor || distance > reach) continue;
    if (best < 0 || distance < Math.abs(best - anchor)) best = candidate;
  }
  return best;
}

/**
 * Writes up to `limit` non-overlapping occurrences of the phrase `termIds`, earliest first,
 * into `out` as [first, last] term pairs, and returns how many it found. `segmentOfTerm`
 * keeps a match from straddling two sentences.
 */
export function findPhrase(
  index: TermIndex,
  termIds: readonly number[],
  segmentOfTerm: Int32Array,
  limit: number,
  out: Int32Array,
): number {
  const head = termIds[0];
  if (head === undefined) return 0;
  for (const id of termIds) if (index.from(id) === index.to(id)) return 0;

  const window = termIds.length + slackFor(termIds.length);
  let found = 0;
  let lastEnd = -1;
  for (let slot = index.from(head); slot < index.to(head) && found < limit; slot += 1) {
    const anchor = index.at(slot);
    if (anchor <= lastEnd || !spanAround(index, termIds, segmentOfTerm, anchor, window)) continue;
    const first = SPAN[0] ?? anchor;
    const last = SPAN[1] ?? anchor;
    if (first <= lastEnd) continue;
    // "Don't scale on CPU; scale on request rate": when the head word comes again inside a loose
    // match and gives a tighter one, that is the phrase; this occurrence only borrowed its words.
    // (A match as tight as the phrase is long can't be beaten: the usual case, checked first.)
    if (last - first + 1 > termIds.length && slot + 1 < index.to(head)) {
      const nextAnchor = index.at(slot + 1);
      if (nextAnchor <= last && spanAround(index, termIds, segmentOfTerm, nextAnchor, window) && (SPAN[1] ?? 0) - (SPAN[0] ?? 0) < last - first) continue;
    }
    out[found * 2] = first;
    out[found * 2 + 1] = last;
    found += 1;
    lastEnd = last;
  }
  return found;
}

/** [first, last] term of the span spanAround found last: a two-slot array, so no object per anchor. */
const SPAN = new Int32Array(2);

/** Whether the phrase matches around `anchor`: every term within `window` terms of it, in its segment. Writes the span to SPAN. */
function spanAround(index: TermIndex, termIds: readonly number[], segmentOfTerm: Int32Array, anchor: number, window: number): boolean {
  const segment = segmentOfTerm[anchor];
  let first = anchor;
  let last = anchor;
  for (let term = 1; term < termIds.length; term += 1) {
    const position = nearest(index, termIds[term] ?? -1, anchor, window - 1);
    if (position < 0 || segmentOfTerm[position] !== segment) return false;
    first = Math.min(first, position);
    last = Math.max(last, position);
  }
  if (last - first + 1 > window) return false;
  SPAN[0] = first;
  SPAN[1] = last;
  return true;
}
