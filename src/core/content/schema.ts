import { z } from 'zod';

/**
 * The question-bank file format. One YAML file per question under `content/questions/`.
 * Kept strict (unknown keys are errors) so a typo such as `folowUps` fails lint instead of
 * silently dropping content.
 */

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "tail-sampling"');

export const levelSchema = z.enum(['senior', 'staff', 'principal']);
export type Level = z.infer<typeof levelSchema>;

const sentence = z.string().trim().min(1, 'must not be empty');

export const rubricPointSchema = z.strictObject({
  id: slug,
  /** A short label an interviewer would tick, e.g. "Context propagation". Also the hint. */
  theme: sentence.max(60, 'keep the theme under 60 characters'),
  /** The point itself, in one sentence. */
  point: sentence.max(300, 'keep a rubric point to one sentence'),
  /** Phrases and synonyms that evidence the point in a real answer. */
  evidence: z.array(sentence).min(2, 'give at least 2 evidence phrases'),
  /** 1 (nice to have) to 3 (separates staff from senior). */
  weight: z.number().int().min(1).max(3),
  /** Optional interviewer question that probes this point when an answer missed it. */
  probe: sentence.optional(),
});
export type RubricPoint = z.infer<typeof rubricPointSchema>;

export const questionSchema = z
  .strictObject({
    id: slug,
    topic: slug,
    title: sentence,
    summary: sentence,
    level: levelSchema,
    rubric: z.array(rubricPointSchema).min(4, 'needs 4 to 8 points').max(8, 'needs 4 to 8 points'),
    followUps: z.strictObject({
      functional: z.array(sentence).default([]),
      nonFunctional: z.array(sentence).default([]),
    }),
    tradeOffs: z.array(sentence).default([]),
    tip: z.string().trim().default(''),
  })
  .superRefine((question, ctx) => {
    const seen = new Set<string>();
    question.rubric.forEach((point, index) => {
      if (seen.has(point.id)) {
        ctx.addIssue({ code: 'custom', path: ['rubric', index, 'id'], message: `duplicate rubric id "${point.id}"` });
      }
      seen.add(point.id);
    });
  });
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const phaseSchema = z.strictObject({
  id: slug,
  title: sentence,
  minutes: z.number().positive(),
  /** One line that opens the phase. */
  prompt: sentence,
  /** One gentle nudge after a long silence. */
  nudge: sentence,
});
export type Phase = z.infer<typeof phaseSchema>;

export const pacingSchema = z.strictObject({
  phases: z.array(phaseSchema).min(1),
});
export type Pacing = z.infer<typeof pacingSchema>;
