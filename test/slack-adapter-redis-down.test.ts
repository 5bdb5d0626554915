import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackApp, type SlackApp } from '../src/adapters/slack/app.ts';
import { encodeButtonValue } from '../src/adapters/slack/render/buttons.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { createInteractionProducer, type InteractionProducer } from '../src/queue/producers.ts';
import { uniquePrefix } from './helpers/redis.ts';
import { freePort } from './helpers/redis-server.ts';
import { buttonPayload, messageEnvelope, SlackHttp } from './helpers/slack-http.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

/** The bot user id the stub's auth.test reports. */
const BOT_USER_ID = 'UBOT';

const SIGNING_SECRET = 'redis-down-signing-secret-51d0';
const TRY_AGAIN = "I can't reach my queue right now: try again in a minute.";

const lines: string[] = [];
const responsesTo = (id: string): Record<string, unknown>[] => server.responses.filter((post) => post.id === id).map((post) => post.body);
let restoreSink: ReturnType<typeof setLogSink>;
let server: SlackApiStub;
let producer: InteractionProducer;
let slack: SlackApp;
let http: SlackHttp;

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  server = await SlackApiStub.start();
  producer = createInteractionProducer(`redis://127.0.0.1:${await freePort()}`, { prefix: uniquePrefix('down') });
  slack = createSlackApp(
    { slack: { botToken: 'xoxb-1-2-redisdowntoken', signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: server.apiUrl }, port: 0, logLevel: 'info' },
    { producer, logger: createLogger({ test: 'redis-down' }, 'info') },
  );
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  http = new SlackHttp(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
});

afterAll(async () => {
  await slack?.stop();
  await producer?.close();
  await server?.close();
  setLogSink(restoreSink);
});

describe('with Redis down', () => {
  it('still acks a command well inside 3 s, then says "try again in a minute" through response_url', async () => {
    const response = await http.command({ text: 'tracing', team_id: 'T1', channel_id: 'C1', user_id: 'U1', trigger_id: 'trig.down.1', response_url: server.responseUrl('down-cmd') });
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(1_000);
    const replied = await vi.waitFor(
      () => {
        const [reply] = responsesTo('down-cmd');
        if (!reply) throw new Error('no reply yet');
        return reply;
      },
      { timeout: 2_500, interval: 10 },
    );
    expect(replied).toEqual({ response_type: 'ephemeral', text: TRY_AGAIN });
    // It was an outage, logged as one, not a bug.
    expect(lines.some((line) => line.includes('"level":"warn"') && line.includes('queue unavailable'))).toBe(true);
    expect(lines.some((line) => line.includes('bug in listener'))).toBe(false);
  });

  it('tells the person who pressed a button, privately, without replacing the message', async () => {
    await http.action(
      buttonPayload({ teamId: 'T1', channelId: 'C5', userId: 'U8', actionId: 'obs_reveal', value: encodeButtonValue({ action: 'reveal', threadId: 'slack:T1:C5:1.1' }), triggerId: 'trig.down.2', responseUrl: server.responseUrl('down-btn'), messageTs: '1.1' }),
    );
    await vi.waitFor(() => expect(responsesTo('down-btn')).toEqual([{ response_type: 'ephemeral', replace_original: false, text: TRY_AGAIN }]), { timeout: 2_500 });
  });

  it('tells the person whose answer could not be queued, ephemerally in the thread', async () => {
    await http.event(messageEnvelope('T1', 'Ev.down.3', { channel: 'C9', user: 'U2', text: 'my answer', ts: '1712345800.000001', thread_ts: '1712345678.000100', parent_user_id: BOT_USER_ID }));
    const call = await vi.waitFor(
      () => {
        const found = server.callsTo('chat.postEphemeral')[0];
        if (!found) throw new Error('no postEphemeral yet');
        return found;
      },
      { timeout: 2_500 },
    );
    expect(call.args).toMatchObject({ channel: 'C9', user: 'U2', thread_ts: '1712345678.000100', text: TRY_AGAIN });
    expect(call.token).toBe('xoxb-1-2-redisdowntoken');
  });

  it('answers help without Redis at all', async () => {
    const response = await http.command({ text: 'help', team_id: 'T1', channel_id: 'C1', user_id: 'U1', trigger_id: 'trig.down.4', response_url: server.responseUrl('down-help') });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/obs-question topics') });
  });
});
