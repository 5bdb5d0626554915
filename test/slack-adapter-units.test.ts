import { LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../src/adapters/slack/app.ts';
import { createBoltLogger } from '../src/adapters/slack/bolt-logger.ts';
import { ConfigError } from '../src/config/errors.ts';
import { dispatch, type Dispatch } from '../src/adapters/slack/dispatch.ts';
import { ackFor, needsJob } from '../src/adapters/slack/listeners/commands/obs-question.ts';
import { answerFromMessage, type IncomingMessage } from '../src/adapters/slack/listeners/events/thread-message.ts';
import { plainTextFromSlack } from '../src/adapters/slack/text.ts';
import { parseObsCommand } from '../src/core/commands/index.ts';
import { UserError } from '../src/core/errors.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { QueueUnavailableError } from '../src/queue/errors.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

let lines: string[];
let restoreSink: ReturnType<typeof setLogSink>;
beforeEach(() => {
  lines = [];
  restoreSink = setLogSink((line) => lines.push(line));
});
afterEach(() => {
  setLogSink(restoreSink);
});

function target(overrides: Partial<Dispatch> = {}): { target: Dispatch; replies: string[]; acks: number[] } {
  const replies: string[] = [];
  const acks: number[] = [];
  return {
    replies,
    acks,
    target: {
      name: 'command:/test',
      logger: createLogger({}, 'debug'),
      fields: { team: 'T1' },
      ack: async () => {
        acks.push(Date.now());
      },
      replyPrivately: async (text) => {
        replies.push(text);
      },
      ...overrides,
    },
  };
}

describe('dispatch', () => {
  it('acks before running the handler, and times it', async () => {
    const order: string[] = [];
    const { target: t } = target({ ack: async () => void order.push('ack') });
    expect(await dispatch(t, async () => void order.push('handler'))).toBe('ok');
    expect(order).toEqual(['ack', 'handler']);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ msg: 'listener done', listener: 'command:/test', team: 'T1', outcome: 'ok', durationMs: expect.any(Number) });
  });

  it('gives a UserError’s own message back, politely and privately', async () => {
    const { target: t, replies } = target();
    expect(await dispatch(t, async () => Promise.reject(new UserError('unknown_topic', 'Unknown topic "x".')))).toBe('user_error');
    expect(replies).toEqual(['Unknown topic "x".']);
  });

  it('turns a queue outage into "try again in a minute", logged as a warning', async () => {
    const { target: t, replies } = target();
    expect(await dispatch(t, async () => Promise.reject(new QueueUnavailableError('Redis connection is connecting')))).toBe('queue_unavailable');
    expect(replies).toEqual(["I can't reach my queue right now: try again in a minute."]);
    expect(lines.some((line) => line.includes('"level":"warn"'))).toBe(true);
  });

  it('logs anything else as a bug and apologises generically, never showing the stack or message', async () => {
    const { target: t, replies } = target();
    const bug = new TypeError("Cannot read properties of undefined (reading 'ts')");
    expect(await dispatch(t, async () => Promise.reject(bug))).toBe('bug');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^Something went wrong on my side/);
    expect(replies[0]).not.toContain('Cannot read');
    const logged = lines.find((line) => line.includes('bug in listener')) ?? '';
    expect(JSON.parse(logged)).toMatchObject({ level: 'error', error: { name: 'TypeError', message: bug.message } });
    expect(logged).not.toContain('at ');
  });

  it('does no work when the ack itself failed', async () => {
    let ran = false;
    const { target: t, replies } = target({ ack: async () => Promise.reject(new Error('ack after timeout')) });
    expect(await dispatch(t, async () => void (ran = true))).toBe('ack_failed');
    expect(ran).toBe(false);
    expect(replies).toEqual([]);
  });

  it('never throws, even when the private reply fails too', async () => {
    const { target: t } = target({ replyPrivately: async () => Promise.reject(new Error('response_url expired')) });
    await expect(dispatch(t, async () => Promise.reject(new QueueUnavailableError('down')))).resolves.toBe('queue_unavailable');
    expect(lines.some((line) => line.includes('could not send the private reply'))).toBe(true);
  });
});

describe('the slash command’s ack', () => {
  it('carries help and not-understood itself, says a mock is coming, and is empty otherwise', () => {
    expect(ackFor(parseObsCommand('help'))).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/obs-question stats') });
    expect(ackFor(parseObsCommand('huh what'))?.text).toMatch(/^I didn't understand `huh what`/);
    expect(ackFor(parseObsCommand('mock'))).toEqual({ response_type: 'ephemeral', text: 'Setting up your mock interview…' });
    for (const text of ['', 'tracing', 'topics', 'stats', 'daily on']) {
      expect(ackFor(parseObsCommand(text))).toBeUndefined();
      expect(needsJob(parseObsCommand(text))).toBe(true);
    }
    expect(needsJob(parseObsCommand('help'))).toBe(false);
    expect(needsJob(parseObsCommand('huh what'))).toBe(false);
  });
});

describe('answerFromMessage', () => {
  const reply: IncomingMessage = { channel: 'C1', user: 'U2', text: 'an answer', ts: '2.0', thread_ts: '1.0', parent_user_id: 'UBOT' };

  it('accepts a person’s reply in a thread, also with a file or sent to the channel too', () => {
    for (const subtype of [undefined, 'file_share', 'thread_broadcast']) {
      const decision = answerFromMessage({ ...reply, ...(subtype ? { subtype } : {}) }, 'T1', 'UBOT', 5);
      expect(decision).toEqual({ answer: expect.objectContaining({ threadId: 'slack:T1:C1:1.0', messageId: '2.0', dedupeKey: 'C1-2.0', receivedAt: 5 }) });
    }
  });

  it('gives the reason it ignores everything else', () => {
    expect(answerFromMessage({ ...reply, subtype: 'message_changed' }, 'T1', 'UBOT', 0)).toEqual({ ignore: 'subtype message_changed' });
    expect(answerFromMessage({ ...reply, bot_id: 'B1' }, 'T1', 'UBOT', 0)).toEqual({ ignore: 'from a bot' });
    expect(answerFromMessage({ ...reply, thread_ts: undefined }, 'T1', 'UBOT', 0)).toEqual({ ignore: 'not a thread reply' });
    expect(answerFromMessage({ ...reply, ts: '1.0' }, 'T1', 'UBOT', 0)).toEqual({ ignore: 'not a thread reply' });
    expect(answerFromMessage({ ...reply, parent_user_id: 'USOMEONE' }, 'T1', 'UBOT', 0)).toEqual({ ignore: 'thread not started by the bot' });
    expect(answerFromMessage({ ...reply, text: '  ' }, 'T1', 'UBOT', 0)).toEqual({ ignore: 'no text' });
  });

  it('leaves the session check to the worker when Slack does not say who started the thread', () => {
    expect('answer' in answerFromMessage({ ...reply, parent_user_id: undefined }, 'T1', 'UBOT', 0)).toBe(true);
  });
});

describe('plainTextFromSlack', () => {
  it('unwraps links, mentions and entities into what the person saw', () => {
    expect(plainTextFromSlack('use <https://w3c.github.io/trace-context/|traceparent> &amp; baggage')).toBe('use traceparent & baggage');
    expect(plainTextFromSlack('ask <@U123> or <@U456|li> in <#C1|sre>, <!here>')).toBe('ask @U123 or @li in #sre, @here');
    expect(plainTextFromSlack('p99 &lt; 300ms &gt; p50; see <https://x.test>')).toBe('p99 < 300ms > p50; see https://x.test');
    expect(plainTextFromSlack('&amp;lt; stays literal')).toBe('&lt; stays literal');
  });
});

describe('the Bolt logger', () => {
  it('writes Bolt’s strings, errors and objects as one redacted line, without stacks', () => {
    const bolt = createBoltLogger(createLogger({}, 'debug'), 'info');
    bolt.debug('hidden at info');
    const error = Object.assign(new Error('An API error occurred: invalid_auth'), { code: 'slack_webapi_platform_error' });
    bolt.error('failed:', error, { token: 'xoxb-should-not-print', channel: 'C1' });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '{}') as { level: string; msg: string; component: string };
    expect(record).toMatchObject({ level: 'error', component: 'bolt' });
    expect(record.msg).toBe('failed: Error [slack_webapi_platform_error]: An API error occurred: invalid_auth {"token":"[REDACTED]","channel":"C1"}');
    expect(lines[0]).not.toContain('xoxb-should-not-print');
  });

  it('follows the level Bolt sets, and reports it back', () => {
    const bolt = createBoltLogger(createLogger({}, 'debug'), 'info');
    bolt.setLevel(LogLevel.WARN);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    bolt.info('quiet');
    bolt.warn('loud');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['loud']);
  });
});

describe('createSlackApp start-up', () => {
  const producer = { enqueue: async () => undefined };

  it('reports a token Slack rejects as a config problem naming the variable, not its value', async () => {
    const stub = await SlackApiStub.start({ token: 'xoxb-the-right-token-000' });
    const wrong = 'xoxb-a-wrong-token-1234';
    const slack = createSlackApp({ slack: { botToken: wrong, signingSecret: 'whatever-secret', socketMode: false, apiUrl: stub.apiUrl }, port: 0, logLevel: 'info' }, { producer });
    try {
      const error = await slack.start({ port: 0, host: '127.0.0.1' }).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([{ variable: 'SLACK_BOT_TOKEN', message: expect.stringContaining('was rejected by Slack (invalid_auth)') }]);
      expect((error as Error).message).not.toContain(wrong);
      expect(stub.callsTo('auth.test')).toHaveLength(1);
    } finally {
      await slack.stop();
      await stub.close();
    }
  });

  it('chooses Socket Mode when an app token is configured, and stops cleanly before starting', async () => {
    const slack = createSlackApp({ slack: { botToken: 'xoxb-1-2-socket', signingSecret: 'whatever-secret', appToken: 'xapp-1-A1-socket', socketMode: true }, port: 0, logLevel: 'info' }, { producer });
    expect(slack.mode).toBe('socket');
    await expect(slack.stop()).resolves.toBeUndefined();
  });
});
