import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dailyJobSchema } from '../../src/queue/daily-jobs.ts';
import { interactionJobSchema, type InteractionJob } from '../../src/queue/jobs.ts';
import { jobIdFor } from '../../src/queue/producers.ts';

/**
 * The job schemas (src/queue/jobs.ts, daily-jobs.ts) under fast-check, 10,000 inputs each:
 * anything at all, and real jobs with one field replaced by anything. `safeParse` never
 * throws and `parse` throws nothing but zod's typed ZodError, whose issues name a path;
 * a job that passes survives the trip through Redis (JSON) unchanged and has an id BullMQ
 * accepts. The worker relies on this to drop a malformed payload with a logged reason.
 */
const RUNS = 10_000;

const text = fc.string({ maxLength: 30 });
const nonEmpty = fc.string({ minLength: 1, maxLength: 30 });
const base = { platform: fc.constantFrom('slack' as const, 'discord' as const), workspaceId: nonEmpty, channelId: nonEmpty, userId: nonEmpty, dedupeKey: nonEmpty, receivedAt: fc.integer() };
const validJob: fc.Arbitrary<InteractionJob> = fc.oneof(
  fc.record({ kind: fc.constant('command' as const), ...base, text, responseUrl: fc.option(text, { nil: undefined }) }, { requiredKeys: ['kind', 'platform', 'workspaceId', 'channelId', 'userId', 'dedupeKey', 'receivedAt', 'text'] }),
  fc.record({ kind: fc.constant('answer' as const), ...base, threadId: nonEmpty, text, messageId: nonEmpty }),
  fc.record({ kind: fc.constant('action' as const), ...base, threadId: nonEmpty, action: fc.constantFrom('hint' as const, 'reveal' as const, 'next' as const, 'finish' as const, 'mock-me' as const, 'self-assess' as const) }),
  fc.record({ kind: fc.constant('tick' as const), threadId: nonEmpty, dedupeKey: nonEmpty }),
  fc.record({ kind: fc.constant('peer-action' as const), ...base, threadId: nonEmpty, action: fc.constantFrom('follow-up' as const, 'end' as const, 'rate' as const, 'swap' as const), value: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }) }, { requiredKeys: ['kind', 'platform', 'workspaceId', 'channelId', 'userId', 'dedupeKey', 'receivedAt', 'threadId', 'action'] }),
);

/** A real job with one field replaced by anything, or removed, or an extra one added. */
const mutatedJob = fc.tuple(validJob, fc.nat(), fc.anything({ maxDepth: 2 }), fc.constantFrom('replace', 'delete', 'add')).map(([job, index, value, how]) => {
  const copy: Record<string, unknown> = { ...job };
  const keys = Object.keys(copy);
  const key = keys[index % keys.length] ?? 'kind';
  if (how === 'replace') copy[key] = value;
  else if (how === 'delete') delete copy[key];
  else copy[`extra${index % 3}`] = value;
  return copy;
});

const input = fc.oneof(fc.anything({ maxDepth: 3, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), mutatedJob, validJob);

function expectOnlyZodErrors(schema: z.ZodType, value: unknown): boolean {
  expect(() => schema.safeParse(value)).not.toThrow();
  try {
    schema.parse(value);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(z.ZodError);
    for (const issue of (error as z.ZodError).issues) {
      expect(Array.isArray(issue.path)).toBe(true);
      expect(issue.message.length).toBeGreaterThan(0);
    }
    return false;
  }
}

describe('fuzz: the job schemas', () => {
  it('interaction jobs: anything is accepted or refused with a ZodError; what passes round-trips through JSON and has a BullMQ-safe id', () => {
    let accepted = 0;
    fc.assert(
      fc.property(input, (value) => {
        if (!expectOnlyZodErrors(interactionJobSchema, value)) return;
        accepted += 1;
        const job = interactionJobSchema.parse(value);
        // What the queue stores is JSON: the job the worker reads back is the same job.
        expect(interactionJobSchema.parse(JSON.parse(JSON.stringify(job)))).toEqual(job);
        const jobId = jobIdFor(job);
        expect(jobId).not.toContain(':');
        expect(String(Number.parseInt(jobId, 10))).not.toBe(jobId);
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });

  it('daily jobs: anything is accepted or refused with a ZodError', () => {
    const dailyJob = fc.oneof(
      fc.record({ kind: fc.constant('daily-post'), channelKey: nonEmpty, scheduledAt: fc.option(fc.integer(), { nil: undefined }) }, { requiredKeys: ['kind', 'channelKey'] }),
      fc.record({ kind: fc.constant('daily-reveal'), channelKey: nonEmpty, localDate: text }),
    );
    const mutated = fc.tuple(dailyJob, fc.nat(), fc.anything({ maxDepth: 2 })).map(([job, index, value]) => {
      const copy: Record<string, unknown> = { ...job };
      const keys = Object.keys(copy);
      copy[keys[index % keys.length] ?? 'kind'] = value;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withNullPrototype: true }), dailyJob, mutated), (value) => {
        expectOnlyZodErrors(dailyJobSchema, value);
      }),
      { numRuns: RUNS },
    );
  });
});
