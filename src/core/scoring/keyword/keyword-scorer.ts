import type { Question } from '../../content/schema.ts';
import type { PointResult, ScoreResult, Scorer } from '../types.ts';
import { weightedScore } from '../weighted-score.ts';
import { compileRubric, type CompiledRubric } from './compile.ts';
import { quoteEvidence } from './evidence.ts';
import { findPhrase, TermIndex } from './match.ts';
import { noteFor } from './notes.ts';
import { segmentAnswer, type Segmentation } from './sentences.ts';
import { answerTerms, type AnswerTerms } from './terms.ts';
import { tokenize } from './tokenize.ts';
import { assessPoint, type Hit } from './verdict.ts';

/**
 * The default scorer: embedded, deterministic and fast (well under a millisecond for a long
 * answer), so it can score every answer and stand in whenever the LLM can't.
 * See verdict.ts for the covered/partial rules; this file adds the answer-level judgement.
 */

/** Longer answers are scored on their first part; no chat platform sends more in one message. */
export const MAX_ANSWER_CHARS = 50_000;
/** A segment evidencing this many different points is a list in disguise, whatever its grammar. */
export const CROWDED_SEGMENT_POINTS = 4;
/** Keyword stuffing: at least this many points were only ever listed, and they are most of the matched ones. */
export const STUFFED_MIN_LISTED_POINTS = 3;
/** Occurrences kept per phrase: enough to find a sentence that explains it and a second,
 * separate piece of evidence; more only costs time on long answers. */
const MAX_HITS_PER_PHRASE = 6;

const STUFFED_FEEDBACK = 'This reads like a list of keywords. Explain how and why in full sentences to earn credit.';

function truncate(answer: string): string {
  if (answer.length <= MAX_ANSWER_CHARS) return answer;
  const code = answer.charCodeAt(MAX_ANSWER_CHARS - 1);
  return answer.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_ANSWER_CHARS - 1 : MAX_ANSWER_CHARS);
}

/** Every place each point's evidence occurs, skipping text addressed to the grader. */
function collectHits(rubric: CompiledRubric, terms: AnswerTerms, segmentation: Segmentation): Hit[][] {
  const index = new TermIndex(terms, rubric.termIds.size);
  const segmentOfTerm = new Int32Array(terms.count);
  for (let term = 0; term < terms.count; term += 1) {
    segmentOfTerm[term] = segmentation.segmentOfToken[terms.firstToken[term] ?? 0] ?? 0;
  }
  const spans = new Int32Array(MAX_HITS_PER_PHRASE * 2);
  return rubric.points.map((point) => {
    const hits: Hit[] = [];
    for (const evidence of point.evidence) {
      for (const variant of evidence.variants) {
        const found = findPhrase(index, variant.termIds, segmentOfTerm, MAX_HITS_PER_PHRASE, spans);
        for (let match = 0; match < found; match += 1) {
          const first = spans[match * 2] ?? 0;
          const last = spans[match * 2 + 1] ?? first;
          const segmentIndex = segmentOfTerm[first] ?? 0;
          const segment = segmentation.segments[segmentIndex];
          if (!segment || segment.directive) continue;
          const firstToken = terms.firstToken[first] ?? 0;
          hits.push({
            key: evidence.key,
            first,
            last,
            firstToken,
            lastToken: terms.lastToken[last] ?? firstToken,
            segment: segmentIndex,
            kind: segment.kind,
          });
        }
      }
    }
    return hits;
  });
}

/** Demotes explanatory segments that evidence too many points at once to plain sentences. */
function uncrowd(hitsByPoint: Hit[][], segmentCount: number): void {
  // One bit per rubric point (the schema allows at most 8) for each segment.
  const pointsBySegment = new Uint8Array(segmentCount);
  hitsByPoint.forEach((hits, point) => {
    for (const hit of hits) pointsBySegment[hit.segment] = (pointsBySegment[hit.segment] ?? 0) | (1 << point);
  });
  for (const hits of hitsByPoint) {
    for (const hit of hits) {
      if (hit.kind === 'explanatory' && bitCount(pointsBySegment[hit.segment] ?? 0) >= CROWDED_SEGMENT_POINTS) hit.kind = 'sentence';
    }
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

export function scoreAnswer(question: Question, answer: string): ScoreResult {
  const rubric = compileRubric(question);
  const text = truncate(answer);
  const tokens = tokenize(text);
  const segmentation = segmentAnswer(text, tokens);
  const hitsByPoint = collectHits(rubric, answerTerms(tokens, rubric.compounds, rubric.termIds), segmentation);
  uncrowd(hitsByPoint, segmentation.segments.length);
  const assessments = hitsByPoint.map(assessPoint);

  // An answer that mostly lists keywords gets no credit for the listed ones: an interviewer
  // hears buzzwords, not a design. Points it does explain keep their verdicts.
  const matched = assessments.filter((assessment) => assessment.reason !== 'none').length;
  const listed = assessments.filter((assessment) => assessment.reason === 'listed').length;
  const stuffed = listed >= STUFFED_MIN_LISTED_POINTS && listed * 2 > matched;

  const points: PointResult[] = rubric.points.map((point, index) => {
    const assessment = assessments[index] ?? { verdict: 'missed', reason: 'none' };
    const verdict = stuffed && assessment.reason === 'listed' ? 'missed' : assessment.verdict;
    const result: PointResult = { id: point.id, verdict };
    const best = assessment.best;
    const segment = best ? segmentation.segments[best.segment] : undefined;
    if (best && segment) result.evidence = quoteEvidence(text, tokens, segment, best.firstToken, best.lastToken);
    const matchedText = best ? text.slice(tokens.starts[best.firstToken] ?? 0, tokens.ends[best.lastToken] ?? 0) : '';
    const note = verdict === 'covered' ? undefined : noteFor(assessment.reason, point.theme, matchedText, stuffed);
    if (note) result.note = note;
    return result;
  });

  const result: ScoreResult = {
    questionId: question.id,
    scorer: 'keyword',
    score: weightedScore(question, points),
    points,
    notices: [],
  };
  if (stuffed) result.feedback = STUFFED_FEEDBACK;
  return result;
}

export class KeywordScorer implements Scorer {
  readonly name = 'keyword';

  async score(question: Question, answer: string): Promise<ScoreResult> {
    return scoreAnswer(question, answer);
  }
}
