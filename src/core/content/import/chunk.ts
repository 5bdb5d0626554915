import { extractEvidence, type Evidence } from './extract-evidence.ts';
import { phraseRuns, trimRun } from './phrases.ts';
import { splitSentences } from './sentences.ts';
import { clip, clipSentence, stripInline, upperFirst } from './text.ts';
import { THEME_SKIP } from './words.ts';

/**
 * A piece of prose that becomes one rubric point, and how its point, theme and evidence are
 * drafted. Chunking and drafting share this, so a chunk judged "thin" while cutting is
 * exactly one that would fail validation later.
 */
export type ChunkSource = 'deepAnswer' | 'summary' | 'tradeOffs';

export interface Chunk {
  /** The sentence the point is drafted from (two joined, after a merge). */
  point: string;
  /** All the prose behind the point; evidence comes from here. */
  sentences: string[];
  code: string[];
  source: ChunkSource;
  /** Set when the theme cannot come from the point (a trade-off names both sides). */
  theme?: string;
}

export interface ChunkDraft {
  point: string;
  theme: string;
  evidence: Evidence;
}

/** The schema's limits. */
export const MAX_POINT_CHARS = 300;
export const MIN_EVIDENCE = 2;
const MAX_THEME_CHARS = 60;

/**
 * A short label from the point's first noun phrase ("Design span correlation for …" ->
 * "Span correlation"). Quantities are skipped: "Keep 7 days of full-resolution metrics" is
 * about the metrics, not the days.
 */
export function themeFor(point: string): string {
  const run = phraseRuns(splitSentences(point)[0] ?? point)
    .map(trimRun)
    .find((words) => !words.every((word) => THEME_SKIP.has(word.toLowerCase())));
  const label = stripInline((run ?? point.split(/\s+/).slice(0, 5)).join(' '));
  // An identifier such as memory_limiter keeps its case.
  return clip(/^\S*_/.test(label) ? label : upperFirst(label), MAX_THEME_CHARS);
}

/** The theme itself is the best evidence when it is a short phrase: a real answer names it. */
function themeEvidence(theme: string): string[] {
  return theme.split(/\s+/).length <= 4 ? [theme] : [];
}

/** The prose and code behind a chunk, as evidence extraction reads it. */
function chunkText(chunk: Chunk): string {
  return [...chunk.sentences, ...chunk.code.map((code) => `\`${code.replace(/`/g, '')}\``)].join(' ');
}

export function draftChunk(chunk: Chunk): ChunkDraft {
  const point = clipSentence(stripInline(chunk.point), MAX_POINT_CHARS);
  const theme = chunk.theme ? clip(upperFirst(stripInline(chunk.theme)), MAX_THEME_CHARS) : themeFor(point);
  return { point, theme, evidence: extractEvidence(chunkText(chunk), themeEvidence(theme)) };
}

/** Too little to evidence a point of its own (e.g. "- Kafka" or "Shard by tenant."). */
export function isThin(chunk: Chunk): boolean {
  return draftChunk(chunk).evidence.phrases.length < MIN_EVIDENCE;
}
