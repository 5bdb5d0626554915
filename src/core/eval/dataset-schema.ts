import { z } from 'zod';
import { slug } from '../content/schema.ts';

/**
 * The evaluation dataset: one YAML file per question under content/eval/, named after the
 * question id. Each answer carries a human label for every rubric point, which is what a
 * scorer is measured against. Strict like the question files, so a typo fails loudly.
 */
export const answerKindSchema = z.enum(['strong', 'partial', 'off-topic', 'keyword-stuffed', 'prompt-injection']);
export type AnswerKind = z.infer<typeof answerKindSchema>;

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
