import { z } from 'zod';

/**
 * Jobs on the daily queue (DAILY_QUEUE). Like interaction jobs they carry plain ids, so any
 * worker can run them after any restart.
 *
 * - `daily-post`: post a channel's question for one local date. From the channel's job
 *   scheduler the instant is `job.opts.prevMillis` and `scheduledAt` is absent; a one-off
 *   run (boot recovery) carries `scheduledAt`; `daily now` carries `manual`.
 * - `daily-reveal`: the key points and the team's coverage, in the question's thread.
 */
export const DAILY_POST_JOB = 'daily-post';
export const DAILY_REVEAL_JOB = 'daily-reveal';

export const dailyPostJobSchema = z.object({
  kind: z.literal(DAILY_POST_JOB),
  /** Platform-neutral channel id: `slack:T1:C1`. */
  channelKey: z.string().min(1),
  scheduledAt: z.number().optional(),
  manual: z.object({ localDate: z.string(), requestedBy: z.string(), requestedAt: z.number() }).optional(),
  /** Set once the job has booked its workspace posting slot, so waiting for it books no second one. */
  paced: z.boolean().optional(),
});

export const dailyRevealJobSchema = z.object({
  kind: z.literal(DAILY_REVEAL_JOB),
  channelKey: z.string().min(1),
  localDate: z.string(),
  paced: z.boolean().optional(),
});

export const dailyJobSchema = z.discriminatedUnion('kind', [dailyPostJobSchema, dailyRevealJobSchema]);
export type DailyJob = z.infer<typeof dailyJobSchema>;
export type DailyPostJob = z.infer<typeof dailyPostJobSchema>;
export type DailyRevealJob = z.infer<typeof dailyRevealJobSchema>;

/** BullMQ refuses custom job ids with colons; channel keys have them, so they are encoded. */
function idPart(channelKey: string): string {
  return encodeURIComponent(channelKey);
}

export function revealJobIdFor(channelKey: string, localDate: string): string {
  return `reveal.${idPart(channelKey)}.${localDate}`;
}

/** Per request, not per day: a request after an earlier one failed must not be swallowed as a duplicate job. */
export function nowJobIdFor(channelKey: string, localDate: string, requestId: string): string {
  return `now.${idPart(channelKey)}.${localDate}.${encodeURIComponent(requestId)}`;
}
