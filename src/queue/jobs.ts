import { z } from 'zod';

/**
 * Job payloads. They carry plain ids and text, never SDK objects, so a job can be retried
 * by any worker after any restart. Every payload names the platform event it came from
 * (`dedupeKey`), which is how a retried or re-delivered event is recognised.
 */
/**
 * W3C trace context (`traceparent`, `tracestate`) of the span that queued the job, so the
 * worker's span continues the adapter's trace. Present only when tracing is on.
 */
export const traceContextSchema = z.record(z.string(), z.string()).optional();

const base = {
  trace: traceContextSchema,
  platform: z.enum(['slack', 'discord']),
  workspaceId: z.string().min(1),
  channelId: z.string().min(1),
  userId: z.string().min(1),
  /** Stable id of the platform event: Slack event_id, trigger_id, or message ts. */
  dedupeKey: z.string().min(1),
  receivedAt: z.number(),
  /** Slack's response_url or Discord's interaction token, for ephemeral replies. */
  responseUrl: z.string().optional(),
};

/** A slash command, already parsed into the grammar's words by the adapter. */
export const commandJobSchema = z.object({
  kind: z.literal('command'),
  ...base,
  /** The raw text after the command, for logging and error messages. */
  text: z.string(),
  /** Optional locale/timezone hints from the platform. */
  userTimezone: z.string().optional(),
});

/** A reply in a thread the bot started: an answer. */
export const answerJobSchema = z.object({
  kind: z.literal('answer'),
  ...base,
  /** Encoded thread id: slack:T1:C1:1712.0001 */
  threadId: z.string().min(1),
  text: z.string(),
  /** The reply's own message id (Slack ts), for reactions and dedupe. */
  messageId: z.string().min(1),
});

export const actionNameSchema = z.enum(['hint', 'reveal', 'next', 'finish', 'mock-me', 'self-assess']);
export type ActionName = z.infer<typeof actionNameSchema>;

/** A button press on a bot message. */
export const actionJobSchema = z.object({
  kind: z.literal('action'),
  ...base,
  threadId: z.string().min(1),
  action: actionNameSchema,
  /** For `self-assess`: the revealed key point (its index in the question's rubric) and the person's own verdict. */
  selfAssessment: z
    .object({ questionId: z.string().min(1), point: z.number().int().min(0).max(50), rating: z.enum(['got', 'partly', 'missed']) })
    .optional(),
});

/** A pacing timer for a paced session (nudges, time-up). */
export const tickJobSchema = z.object({
  kind: z.literal('tick'),
  trace: traceContextSchema,
  threadId: z.string().min(1),
  dedupeKey: z.string().min(1),
});

/**
 * A press in a peer session (a button, a menu choice, the scorecard form). `value` is the
 * choice (a follow-up id, a rating); `form` the scorecard's fields; `handle` the press's own
 * handle for opening a form (Slack trigger_id), which the dedupe key need not be.
 */
export const peerActionNameSchema = z.enum(['follow-up', 'end', 'scorecard', 'scorecard-draft', 'scorecard-submit', 'rate', 'swap']);
export type PeerActionName = z.infer<typeof peerActionNameSchema>;
export const peerActionJobSchema = z.object({
  kind: z.literal('peer-action'),
  ...base,
  threadId: z.string().min(1),
  action: peerActionNameSchema,
  value: z.string().max(200).optional(),
  form: z.record(z.string().max(100), z.string().max(3_000)).optional(),
  handle: z.string().max(4_000).optional(),
});

export const interactionJobSchema = z.discriminatedUnion('kind', [commandJobSchema, answerJobSchema, actionJobSchema, tickJobSchema, peerActionJobSchema]);
export type InteractionJob = z.infer<typeof interactionJobSchema>;
export type CommandJob = z.infer<typeof commandJobSchema>;
export type AnswerJob = z.infer<typeof answerJobSchema>;
export type ActionJob = z.infer<typeof actionJobSchema>;
export type TickJob = z.infer<typeof tickJobSchema>;
export type PeerActionJob = z.infer<typeof peerActionJobSchema>;
