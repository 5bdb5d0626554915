import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDiscordBot } from '../src/adapters/discord/client.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { registry } from '../src/infra/metrics.ts';
import { EXIT_UNAVAILABLE, PlatformUnreachableError } from '../src/infra/startup.ts';
import { startTracing, stopTracing } from '../src/infra/tracing.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { freePort } from './helpers/redis-server.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { runCli } from './helpers/run-cli.ts';
import { CHANNEL, DISCORD_TOKEN, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { chatInput, type Actor } from './stubs/discord-payloads.ts';

/**
 * What the Slack side already had, on the Discord side: one command is one trace from the
 * gateway dispatch to the Discord REST call, the ack latency of interactions, and the REST
 * calls, errors and 429s counted (including the 429s the REST queue absorbs by itself), and
 * an unreachable Discord at start-up reported as PlatformUnreachableError (exit 69).
 */
const exporter = new InMemorySpanExporter();
const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let h: DiscordHarness;
const ana: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000001' };

/** A series' value in /metrics (`obsbot_ack_seconds_count`…), summed over the series whose labels include `labels`. */
async function metricValue(series: string, labels: Record<string, string>): Promise<number> {
  const base = series.replace(/_(count|sum)$/, '');
  const metric = registry.getSingleMetric(base);
  if (!metric) throw new Error(`no metric ${base}`);
  const { values } = await metric.get();
  return values
    .filter((value) => ((value as { metricName?: string }).metricName ?? base) === series)
    .filter((value) => Object.entries(labels).every(([key, expected]) => String((value.labels as Record<string, unknown>)[key]) === expected))
    .reduce((sum, value) => sum + value.value, 0);
}

async function askForQuestion(): Promise<void> {
  const before = h.stub.messages.length;
  const interaction = chatInput(ana, ['ask'], {});
  h.stub.dispatch('INTERACTION_CREATE', interaction);
  await h.stub.waitFor(() => h.stub.callbacksFor(interaction.id).length > 0, 10_000, 'the ack');
  await h.stub.waitFor(() => h.stub.messages.slice(before).some((message) => message.channel_id === CHANNEL), 15_000, 'the question');
}

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  expect(await startTracing({ serviceName: 'obs-test', exporter, env: {} })).toBe(true);
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix: uniquePrefix('dc-obs'), questions: [sampleQuestion], pacing: samplePacing, logger: createLogger({ test: 'discord-obs' }, 'debug') });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await stopTracing();
  setLogSink(restoreSink);
}, 60_000);

describe('Discord observability', () => {
  it('one command is one trace: interaction → enqueue → job → Discord REST call', async () => {
    exporter.reset();
    await askForQuestion();
    const spans = await vi.waitFor(
      () => {
        const finished = exporter.getFinishedSpans();
        for (const name of ['discord create message', 'job command', 'discord command:obs-question']) if (!finished.some((span) => span.name === name)) throw new Error(`no ${name} span yet`);
        return finished;
      },
      { timeout: 10_000, interval: 50 },
    );
    const byName = (name: string): ReadableSpan => {
      const span = spans.find((candidate) => candidate.name === name);
      if (!span) throw new Error(`no span ${name}; have ${spans.map((s) => s.name).join(', ')}`);
      return span;
    };
    const adapter = byName('discord command:obs-question');
    const enqueue = byName('enqueue command');
    const job = byName('job command');
    const post = byName('discord create message');
    expect(adapter.kind).toBe(SpanKind.SERVER);
    expect(adapter.parentSpanContext?.spanId).toBeUndefined();
    expect(enqueue.parentSpanContext?.spanId).toBe(adapter.spanContext().spanId);
    expect(job.kind).toBe(SpanKind.CONSUMER);
    expect(job.parentSpanContext?.spanId).toBe(enqueue.spanContext().spanId);
    expect(post.kind).toBe(SpanKind.CLIENT);
    expect(post.parentSpanContext?.spanId).toBe(job.spanContext().spanId);
    expect(post.attributes['rpc.system']).toBe('discord');
    expect(new Set([adapter, enqueue, job, post].map((span) => span.spanContext().traceId)).size).toBe(1);
    // Bounded, id-free attributes: no guild, channel or user ids on the spans (the job span
    // names its BullMQ job id, which is how an operator finds the job, and only that).
    for (const span of [adapter, enqueue, job, post]) {
      const { 'messaging.message.id': _jobId, ...attributes } = span.attributes;
      expect(JSON.stringify(attributes)).not.toMatch(new RegExp(`${GUILD}|${CHANNEL}|${ana.userId}`));
    }
  });

  it('observes the ack latency of Discord interactions, and counts the bot’s REST calls (the acks) by route', async () => {
    const acksBefore = await metricValue('obsbot_ack_seconds_count', { platform: 'discord', kind: 'command' });
    const callbacksBefore = await metricValue('obsbot_platform_api_calls_total', { platform: 'discord', method: 'POST /interactions/:id/:token/callback' });
    await askForQuestion();
    await vi.waitFor(async () => expect(await metricValue('obsbot_ack_seconds_count', { platform: 'discord', kind: 'command' })).toBe(acksBefore + 1), { timeout: 5_000, interval: 50 });
    expect(await metricValue('obsbot_ack_seconds_sum', { platform: 'discord', kind: 'command' })).toBeGreaterThan(0);
    expect(await metricValue('obsbot_platform_api_calls_total', { platform: 'discord', method: 'POST /interactions/:id/:token/callback' })).toBe(callbacksBefore + 1);
    const exposed = await registry.metrics();
    expect(exposed).toMatch(/obsbot_ack_seconds_bucket\{[^}]*platform="discord"/);
  });

  it('counts a 429 the REST queue absorbed (waited out and retried): the message still arrives once', async () => {
    const limitedBefore = await metricValue('obsbot_platform_api_rate_limited_total', { platform: 'discord', method: 'POST /channels/:id/messages' });
    const errorsBefore = await metricValue('obsbot_platform_api_errors_total', { platform: 'discord' });
    h.stub.script(
      { method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`) },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false }, headers: { 'retry-after': '0.2', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.2', 'x-ratelimit-limit': '5', 'x-ratelimit-bucket': 'obs-b1' } },
    );
    const before = h.stub.messages.filter((message) => message.channel_id === CHANNEL).length;
    await askForQuestion();
    expect(h.stub.messages.filter((message) => message.channel_id === CHANNEL)).toHaveLength(before + 1);
    expect(await metricValue('obsbot_platform_api_rate_limited_total', { platform: 'discord', method: 'POST /channels/:id/messages' })).toBe(limitedBefore + 1);
    // Absorbed, so no call failed.
    expect(await metricValue('obsbot_platform_api_errors_total', { platform: 'discord' })).toBe(errorsBefore);
  });
});

describe('Discord unreachable at start-up', () => {
  it('is retried with backoff, then reported as PlatformUnreachableError, not as an unexpected error', async () => {
    const closed = await freePort();
    const bot = createDiscordBot(
      { token: DISCORD_TOKEN, applicationId: '900000000000000001', apiUrl: `http://127.0.0.1:${closed}/api`, messageContent: false },
      { producer: { enqueue: async () => ({ queued: true }) } as never, dedupe: { firstHere: () => true, claim: async () => true } as never, topics: () => [], messageContent: false, now: Date.now, logger: createLogger({ test: 'discord-startup' }, 'info'), startupRetries: 1 },
    );
    const error = await bot.start().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformUnreachableError);
    expect((error as PlatformUnreachableError).attempts).toBe(2);
    expect((error as PlatformUnreachableError).exitCode).toBe(EXIT_UNAVAILABLE);
    expect((error as Error).message).toContain(`could not reach Discord at http://127.0.0.1:${closed}/api after 2 attempts`);
    expect((error as Error).message).toContain('DISCORD_API_URL is right');
    expect(lines.some((line) => line.includes('reaching Discord (GET /gateway/bot) failed at start-up; retrying'))).toBe(true);
    await bot.stop();
  }, 60_000);

  it('obs-bot bot exits 69 with a clear message, and no token in it', async () => {
    const closed = await freePort();
    const run = await runCli(['bot'], {
      env: { DISCORD_TOKEN, DISCORD_APPLICATION_ID: '900000000000000001', DISCORD_API_URL: `http://127.0.0.1:${closed}/api`, OBS_STARTUP_RETRIES: '1', REDIS_URL: testRedisUrl(), PORT: '0' },
    });
    expect(run.code).toBe(69);
    expect(run.stderr).toContain(`could not reach Discord at http://127.0.0.1:${closed}/api after 2 attempts`);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.stderr).not.toContain(DISCORD_TOKEN);
  }, 90_000);
});
