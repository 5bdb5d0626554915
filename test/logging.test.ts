import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { registerSecret } from '../src/infra/redact.ts';

/** Every secret and every piece of answer text below must never appear in any log line. */
const BOT_TOKEN = 'xoxb-7777-8888-loggingtestbottoken';
const APP_TOKEN = 'xapp-1-A777-888-loggingtestapptoken';
const OPENAI_KEY = 'sk-loggingtest0123456789abcdef';
const SIGNING = 'loggingtestsigningsecret-8f7e6d';
const ANSWER = 'I would sample tail-based at the collector and keep every error trace';
const lines: string[] = [];
let restore: ReturnType<typeof setLogSink>;

beforeEach(() => {
  lines.length = 0;
  restore = setLogSink((line) => lines.push(line));
});
afterEach(() => setLogSink(restore));

function expectNothingLeaked(): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    for (const secret of [BOT_TOKEN, APP_TOKEN, OPENAI_KEY, SIGNING, ANSWER, 'tail-based at the collector']) expect(line).not.toContain(secret);
  }
}

describe('logger (pino)', () => {
  it('writes one JSON line per call with an ISO time, the level by name and the message', () => {
    createLogger({ component: 'test' }, 'info').info('hello', { jobId: 'job-1', sessionId: 's-1' });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'info', msg: 'hello', component: 'test', jobId: 'job-1', sessionId: 's-1' });
    expect(String(record.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('drops lines below its level', () => {
    const log = createLogger({}, 'warn');
    log.debug('quiet');
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['loud']);
  });

  it('masks token and key fields by name (pino redact paths), at the top level and one down', () => {
    const log = createLogger({}, 'debug');
    log.info('config', { token: BOT_TOKEN, signingSecret: SIGNING, apiKey: OPENAI_KEY, slack: { botToken: BOT_TOKEN, appToken: APP_TOKEN } });
    log.info('request', { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
    expectNothingLeaked();
    const record = JSON.parse(lines[0]!) as { token: string; slack: { botToken: string } };
    expect(record.token).toBe('[REDACTED]');
    expect(record.slack.botToken).toBe('[REDACTED]');
  });

  it('masks answer text by field name, however deep, and keeps the ids beside it', () => {
    const log = createLogger({}, 'debug');
    log.info('answer received', { jobId: 'job-9', sessionId: 'sess-9', answer: ANSWER });
    log.info('job', { job: { id: 'job-9', data: { event: { text: ANSWER, answerText: ANSWER } } } });
    expectNothingLeaked();
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ jobId: 'job-9', sessionId: 'sess-9', answer: '[REDACTED]' });
  });

  it('masks credentials inside messages, string values, errors and child bindings', () => {
    registerSecret(SIGNING);
    const log = createLogger({}, 'debug').child({ note: `started with ${APP_TOKEN}` });
    log.warn(`slack web api: token ${BOT_TOKEN} rejected`);
    log.error('call failed', { error: new Error(`401 for key ${OPENAI_KEY}`), detail: `secret was ${SIGNING}` });
    expectNothingLeaked();
    expect(lines.join('\n')).toContain('[REDACTED]');
  });
});
