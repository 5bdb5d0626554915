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
  /**
   * The point's idea in other words than its evidence phrases: each entry is one co-occurrence
   * rule, groups of alternatives joined by " + ", all of which must appear in one clause, e.g.
   * "decide|decision + after|once + finish|complete" (see docs/content.md). Matched on stems.
   */
  concepts: z.array(sentence).default([]),
  /**
   * For a point that asks for several things at once ("the growth factor, the event peak and
   * the zone loss"): each part names one of them and lists its wordings (evidence phrases or
   * concept rules). The point is covered only when every part is stated somewhere in the answer;
   * an answer that explains it while stating only some parts earns partial. Leave it out for a
   * point whose parts an interviewer would not tick apart.
   */
  parts: z.array(z.strictObject({ name: sentence.max(60, 'keep a part name under 60 characters'), match: z.array(sentence).min(1, 'give at least 1 wording') })).optional(),
  /** Optional interviewer question that probes this point when an answer missed it. */
  probe: sentence.optional(),
  /**
   * Escalating hints for the probe of this point: the first names a concern ("what happens when
   * the collector is down?"), the second names the concept. Neither gives the answer.
   */
  hints: z.array(sentence).max(2, 'at most 2 hints: a concern, then the concept').default([]),
});
export type RubricPoint = z.infer<typeof rubricPointSchema>;

/** What a strong candidate clarifies in the requirements phase (scale, users, SLOs, constraints). */
export const requirementSchema = z.strictObject({
  id: slug,
  theme: sentence.max(60, 'keep the theme under 60 characters'),
  point: sentence.max(300, 'keep a requirement to one sentence'),
  evidence: z.array(sentence).min(2, 'give at least 2 evidence phrases'),
  concepts: z.array(sentence).default([]),
  weight: z.number().int().min(1).max(3),
});
export type Requirement = z.infer<typeof requirementSchema>;

/**
 * A common wrong claim for this question. `patterns` are case-insensitive JavaScript regular
 * expressions tried on each sentence of an answer; a match names the misconception, blocks the
 * rubric points in `contradicts` for that sentence and lowers the score (docs/scoring.md).
 */
export const misconceptionSchema = z.strictObject({
  id: slug,
  /** The wrong claim, as an interviewer would summarise it. */
  claim: sentence.max(200, 'keep the claim under 200 characters'),
  patterns: z.array(sentence).min(1, 'give at least 1 pattern'),
  /** One or two sentences, in our own words, with the figure or the arithmetic. */
  correction: sentence.max(400, 'keep the correction to one or two sentences'),
  contradicts: z.array(slug).default([]),
});
export type Misconception = z.infer<typeof misconceptionSchema>;

/**
 * A follow-up question: plain text, or an object naming the rubric point it probes and its
 * escalating hints. Normalised to the object form on load.
 */
export const followUpSchema = z
  .union([
    sentence,
    z.strictObject({
      ask: sentence,
      probes: slug.optional(),
      hints: z.array(sentence).max(2, 'at most 2 hints: a concern, then the concept').default([]),
    }),
  ])
  .transform((value) => (typeof value === 'string' ? { ask: value, probes: undefined, hints: [] as string[] } : value));
export type FollowUp = z.output<typeof followUpSchema>;

export const questionSchema = z
  .strictObject({
    id: slug,
    topic: slug,
    title: sentence,
    summary: sentence,
    level: levelSchema,
    rubric: z.array(rubricPointSchema).min(4, 'needs 4 to 8 points').max(8, 'needs 4 to 8 points'),
    /** What a strong candidate clarifies first; phase 1 of a mock is judged against these. */
    requirements: z.array(requirementSchema).max(6, 'at most 6 requirements').default([]),
    followUps: z.strictObject({
      functional: z.array(followUpSchema).default([]),
      nonFunctional: z.array(followUpSchema).default([]),
    }),
    misconceptions: z.array(misconceptionSchema).default([]),
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
    const rubricIds = new Set(question.rubric.map((point) => point.id));
    (['functional', 'nonFunctional'] as const).forEach((kind) => {
      question.followUps[kind].forEach((followUp, index) => {
        if (followUp.probes && !rubricIds.has(followUp.probes)) {
          ctx.addIssue({ code: 'custom', path: ['followUps', kind, index, 'probes'], message: `not a rubric point id; valid: ${[...rubricIds].join(', ')}` });
        }
      });
    });
    const misconceptionIds = new Set<string>();
    question.misconceptions.forEach((misconception, index) => {
      if (misconceptionIds.has(misconception.id)) {
        ctx.addIssue({ code: 'custom', path: ['misconceptions', index, 'id'], message: `duplicate misconception id "${misconception.id}"` });
      }
      misconceptionIds.add(misconception.id);
      misconception.patterns.forEach((pattern, patternIndex) => {
        try {
          new RegExp(pattern, 'iu');
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: ['misconceptions', index, 'patterns', patternIndex], message: `not a valid regular expression: ${(error as Error).message}` });
        }
      });
      misconception.contradicts.forEach((id, idIndex) => {
        if (!rubricIds.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['misconceptions', index, 'contradicts', idIndex], message: `not a rubric point id; valid: ${[...rubricIds].join(', ')}` });
        }
      });
    });
    const requirementIds = new Set<string>();
    question.requirements.forEach((requirement, index) => {
      if (requirementIds.has(requirement.id)) {
        ctx.addIssue({ code: 'custom', path: ['requirements', index, 'id'], message: `duplicate requirement id "${requirement.id}"` });
      }
      requirementIds.add(requirement.id);
    });
  });
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const phaseSchema = z.strictObject({
  id: slug,
  title: sentence,
  minutes: z.number().positive(),
  /**
   * How many answers the phase expects before the interview moves on (a dig-in on a thin
   * answer does not count). In a chat thread, where people answer hours apart, turns are the
   * only clock; in the terminal the phase also ends when its minutes are up.
   */
  turns: z.number().int().min(1).max(10).default(2),
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
