import { evidenceKey } from '../evidence-lint.ts';
import type { RubricPoint } from '../schema.ts';
import type { Block } from './blocks.ts';
import { draftChunk, type ChunkSource } from './chunk.ts';
import { chunkRubric } from './rubric-chunks.ts';
import { slugify, uniqueSlug } from './slug.ts';

/**
 * Drafts rubric points (theme, point, evidence, weight) from the pieces rubric-chunks.ts cut.
 *
 * Weights (for the author to revisit): 3 for the deep-answer point richest in technical
 * evidence (tool names, acronyms, numbers, identifiers; the earliest wins a tie), since that
 * is most often what separates a staff answer; 2 for the other deep-answer points; 1 for
 * padding, which restates the summary or a trade-off rather than adding an idea.
 */
const MAX_POINT_ID_CHARS = 40;

export interface RubricDraft {
  rubric: RubricPoint[];
  /** How many points came from the deep answer itself, before any padding. */
  fromDeepAnswer: number;
  padded: Record<Exclude<ChunkSource, 'deepAnswer'>, number>;
}

export function draftRubric(deepAnswer: readonly Block[], summary: readonly string[], tradeOffs: readonly string[]): RubricDraft {
  const { chunks, fromDeepAnswer } = chunkRubric(deepAnswer, summary, tradeOffs);

  const drafted = chunks.map((chunk) => ({ chunk, ...draftChunk(chunk) }));
  let heaviest = -1;
  drafted.forEach((draft, index) => {
    const best = drafted[heaviest];
    if (draft.chunk.source === 'deepAnswer' && (!best || draft.evidence.technical > best.evidence.technical)) heaviest = index;
  });

  // One phrase evidences one point: a later point drops a phrase an earlier one has, if it keeps two.
  const used = new Set<string>();
  for (const draft of drafted) {
    const fresh = draft.evidence.phrases.filter((phrase) => !used.has(evidenceKey(phrase)));
    if (fresh.length >= 2) draft.evidence = { ...draft.evidence, phrases: fresh };
    for (const phrase of draft.evidence.phrases) used.add(evidenceKey(phrase));
  }

  const ids = new Set<string>();
  const rubric = drafted.map(
    ({ chunk, point, theme, evidence }, index): RubricPoint => ({
      id: uniqueSlug(slugify(theme) || `point-${index + 1}`, ids, MAX_POINT_ID_CHARS),
      theme,
      point,
      evidence: evidence.phrases,
      concepts: [],
      hints: [],
      weight: chunk.source !== 'deepAnswer' ? 1 : index === heaviest ? 3 : 2,
    }),
  );
  return {
    rubric,
    fromDeepAnswer,
    padded: {
      summary: chunks.filter((chunk) => chunk.source === 'summary').length,
      tradeOffs: chunks.filter((chunk) => chunk.source === 'tradeOffs').length,
    },
  };
}
