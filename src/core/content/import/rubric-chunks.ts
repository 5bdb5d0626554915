import type { Block } from './blocks.ts';
import { isThin, MAX_POINT_CHARS, type Chunk } from './chunk.ts';
import { splitSentences } from './sentences.ts';
import { lowerFirst, stripInline, withoutParentheticals } from './text.ts';

/**
 * Cuts a deep answer into 4-8 pieces, one rubric point each: one per paragraph or list item,
 * splitting multi-sentence paragraphs when there are too few and merging the shortest
 * neighbours when there are too many. A piece too thin to evidence a point joins its
 * neighbour. When even single sentences are too few, the summary, then the trade-offs, pad
 * the list; the caller warns about that.
 */
export const MIN_POINTS = 4;
export const MAX_POINTS = 8;

function chunksFromBlocks(blocks: readonly Block[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const block of blocks) {
    if (block.kind === 'code') {
      chunks.at(-1)?.code.push(block.text);
      continue;
    }
    const sentences = splitSentences(stripInline(block.text));
    const first = sentences[0];
    if (first !== undefined) chunks.push({ point: first, sentences, code: [], source: 'deepAnswer' });
  }
  return chunks;
}

function merge(a: Chunk, b: Chunk): Chunk {
  const joined = `${a.point.replace(/[.!?]+$/, '')}; ${lowerFirst(b.point)}`;
  return {
    point: joined.length <= MAX_POINT_CHARS ? joined : a.point,
    sentences: [...a.sentences, ...b.sentences],
    code: [...a.code, ...b.code],
    source: a.source,
  };
}

/** Thin pieces join their neighbour rather than fail the whole question. */
function mergeThin(chunks: Chunk[]): Chunk[] {
  const result: Chunk[] = [];
  for (const chunk of chunks) {
    const previous = result.at(-1);
    if (previous && (isThin(chunk) || isThin(previous))) result[result.length - 1] = merge(previous, chunk);
    else result.push(chunk);
  }
  return result;
}

function splitInTwo(chunk: Chunk): [Chunk, Chunk] | undefined {
  if (chunk.sentences.length < 2) return undefined;
  const half = Math.ceil(chunk.sentences.length / 2);
  const head: Chunk = { point: chunk.sentences[0] ?? chunk.point, sentences: chunk.sentences.slice(0, half), code: [], source: chunk.source };
  const tail: Chunk = { point: chunk.sentences[half] ?? chunk.point, sentences: chunk.sentences.slice(half), code: chunk.code, source: chunk.source };
  return isThin(head) || isThin(tail) ? undefined : [head, tail];
}

/** Splits the longest splittable chunk in two until there are enough, or nothing is left to split. */
function splitUntil(chunks: Chunk[], wanted: number): Chunk[] {
  const result = [...chunks];
  while (result.length < wanted) {
    const candidates = result.map((chunk, index) => ({ chunk, index })).sort((a, b) => b.chunk.sentences.length - a.chunk.sentences.length);
    const split = candidates.map(({ chunk, index }) => ({ index, halves: splitInTwo(chunk) })).find(({ halves }) => halves !== undefined);
    if (!split?.halves) break;
    result.splice(split.index, 1, ...split.halves);
  }
  return result;
}

/** Merges the shortest neighbouring pair until there are few enough. */
function mergeUntil(chunks: Chunk[], wanted: number): Chunk[] {
  const result = [...chunks];
  const size = (chunk: Chunk | undefined): number => chunk?.sentences.join(' ').length ?? 0;
  while (result.length > wanted) {
    let best = 0;
    for (let i = 1; i < result.length - 1; i += 1) {
      if (size(result[i]) + size(result[i + 1]) < size(result[best]) + size(result[best + 1])) best = i;
    }
    const [a, b] = [result[best], result[best + 1]];
    if (!a || !b) break;
    result.splice(best, 2, merge(a, b));
  }
  return result;
}

function paddingChunks(summary: readonly string[], tradeOffs: readonly string[]): Chunk[] {
  return [
    ...summary.map((sentence): Chunk => ({ point: sentence, sentences: [sentence], code: [], source: 'summary' })),
    ...tradeOffs.map(
      (sentence): Chunk => ({
        point: `Weighs ${lowerFirst(sentence)}`,
        sentences: [sentence],
        code: [],
        source: 'tradeOffs',
        theme: withoutParentheticals(sentence).replace(/[.!?]+$/, ''),
      }),
    ),
  ];
}

export interface Chunking {
  chunks: Chunk[];
  /** How many pieces came from the deep answer itself, before any padding. */
  fromDeepAnswer: number;
}

export function chunkRubric(deepAnswer: readonly Block[], summary: readonly string[], tradeOffs: readonly string[]): Chunking {
  let chunks = mergeThin(chunksFromBlocks(deepAnswer));
  chunks = chunks.length > MAX_POINTS ? mergeUntil(chunks, MAX_POINTS) : splitUntil(chunks, MIN_POINTS);
  const padding = paddingChunks(summary, tradeOffs)
    .filter((chunk) => !isThin(chunk))
    .slice(0, Math.max(0, MIN_POINTS - chunks.length));
  return { chunks: [...chunks, ...padding], fromDeepAnswer: chunks.length };
}
