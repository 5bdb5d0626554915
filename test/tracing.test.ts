import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLogSink } from '../src/infra/logger.ts';
import { startTracing, stopTracing } from '../src/infra/tracing.ts';
import type { RunningBot } from '../src/main/run-bot.ts';
import type { RunningWorker } from '../src/main/run-worker.ts';
import { SlackHttp } from './helpers/slack-http.ts';
import type { SlackApiStub } from './stubs/slack-api.ts';
import { startSlackStack } from './helpers/slack-stack.ts';

/**
 * One command is one trace: the real Bolt app, producer, BullMQ worker and SlackSender, with
 * an in-memory exporter. The chain must be adapter span → enqueue span → job span (across
 * Redis, through the job data) → platform API call span, all in one trace.
 */
const BOT_TOKEN = 'xoxb-7373-7373-tracing-test-token';
const SIGNING_SECRET = 'tracing-signing-secret-3c2b1a09';
const exporter = new InMemorySpanExporter();
let stub: SlackApiStub;
let bot: RunningBot;
let worker: RunningWorker;
let restore: ReturnType<typeof setLogSink>;

beforeAll(async () => {
  restore = setLogSink(() => undefined);
  expect(await startTracing({ serviceName: 'obs-test', exporter, env: {} })).toBe(true);
  const stack = await startSlackStack({ name: 'tracing', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, logLevel: 'error' });
  ({ stub, worker, bot } = stack);
});

afterAll(async () => {
  await bot?.close();
  await worker?.close();
  await stub?.close();
  await stopTracing();
  setLogSink(restore);
});

function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

describe('tracing', () => {
  it('starts once: a later start (runBot, runWorker) keeps the first provider', async () => {
    expect(await startTracing({ serviceName: 'x', env: {} })).toBe(true);
  });

  it('one command is one trace: adapter → enqueue → job → Slack API call', async () => {
    const http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
    const response = await http.command({ text: 'tracing', team_id: 'T1', channel_id: 'CTRACE1', user_id: 'U1', trigger_id: 'trig.trace.1', response_url: stub.responseUrl('trace') });
    expect(response.status).toBe(200);
    await stub.waitFor(() => stub.messages.some((message) => message.channel === 'CTRACE1'), 10_000, 'the question');

    const spans = await vi.waitFor(
      () => {
        const finished = exporter.getFinishedSpans();
        // A span is exported when it ends: the job's ends after its last platform call.
        for (const name of ['slack chat.postMessage', 'job command']) if (!finished.some((span) => span.name === name)) throw new Error(`no ${name} span yet`);
        return finished;
      },
      { timeout: 5_000, interval: 50 },
    );
    const byName = (name: string): ReadableSpan => {
      const span = spans.find((candidate) => candidate.name === name);
      if (!span) throw new Error(`no span ${name}; have ${spans.map((s) => s.name).join(', ')}`);
      return span;
    };
    const adapter = byName('slack command:/obs-question');
    const enqueue = byName('enqueue command');
    const job = byName('job command');
    const post = byName('slack chat.postMessage');

    expect(adapter.kind).toBe(SpanKind.SERVER);
    expect(parentOf(adapter)).toBeUndefined();
    expect(enqueue.kind).toBe(SpanKind.PRODUCER);
    expect(parentOf(enqueue)).toBe(adapter.spanContext().spanId);
    expect(job.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(job)).toBe(enqueue.spanContext().spanId);
    expect(post.kind).toBe(SpanKind.CLIENT);
    expect(parentOf(post)).toBe(job.spanContext().spanId);
    const traceIds = new Set([adapter, enqueue, job, post].map((span) => span.spanContext().traceId));
    expect(traceIds.size).toBe(1);
    expect(post.attributes['rpc.method']).toBe('chat.postMessage');
    // Bounded, id-free attributes: no user, channel or team ids on the spans.
    for (const span of [adapter, enqueue, job, post]) expect(JSON.stringify(span.attributes)).not.toMatch(/CTRACE1|"U1"|"T1"/);
  });
});
