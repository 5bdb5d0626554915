import { z } from 'zod';
import { slug } from '../content/schema.ts';

/**
 * The evaluation dataset: one YAML file per question under content/eval/tune/ or
 * content/eval/holdout/, named after the question id. The folder decides the split; the file
 * never says it, so an answer cannot claim one split while sitting in the other. Each answer
 * carries a human label for every rubric point, which is what a scorer is measured against.
 * Strict like the question files, so a typo fails loudly.
 *
 * Kinds (what the answer is meant to test; docs/eval.md says more):
 * - strong: a good answer; partial: covers some points;
 * - paraphrase: a good or part-good answer worded unlike the rubric;
 * - confidently-wrong: fluent, the right buzzwords, wrong claims;
 * - negated: names the rubric's ideas only to reject them;
 * - off-topic: about something else;
 * - keyword-stuffed: a list of terms, with any separator;
 * - prompt-injection: text aimed at the grader, in any disguise.
 */
export const ANSWER_KINDS = [
  'strong',
  'paraphrase',
  'partial',
  'confidently-wrong',
  'negated',
  'off-topic',
  'keyword-stuffed',
  'prompt-injection',
] as const;
export const answerKindSchema = z.enum(ANSWER_KINDS, { error: `must be one of ${ANSWER_KINDS.join(', ')}` });
export type AnswerKind = z.infer<typeof answerKindSchema>;

/** tune: what anyone may look at and tune a scorer on. holdout: measured, never tuned on. */
export const SPLITS = ['tune', 'holdout'] as const;
export type Split = (typeof SPLITS)[number];

export function isSplit(value: string): value is Split {
  return (SPLITS as readonly string[]).includes(value);
}

export const labelSchema = z.enum(['covered', 'partial', 'missed'], {
  error: 'must be covered, partial or missed',
});

export const evalAnswerSchema = z.strictObject({
  id: slug,
  kind: answerKindSchema,
  text: z.string().trim().min(1, 'must not be empty'),
  /** Rubric point id → the human verdict. Checked against the question's rubric on load. */
  verdicts: z.record(z.string(), labelSchema),
});
export type EvalAnswer = z.infer<typeof evalAnswerSchema>;

export const evalFileSchema = z.strictObject({
  questionId: slug,
  answers: z.array(evalAnswerSchema).min(1, 'needs at least one answer'),
});
export type EvalFile = z.infer<typeof evalFileSchema>;
