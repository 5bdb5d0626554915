import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, type Harness } from './slack-worker.harness.ts';

/**
 * Every log line written while a job runs carries the job's id, and its session (the thread)
 * when it has one, whichever logger wrote it: the worker's, the Slack sender's (made at
 * start-up, long before the job), the stores'. Answer text and tokens stay out.
 */
const ANSWER = 'We propagate the traceparent header everywhere and keep tail sampling at the collector';

interface LogLine {
  msg: string;
  jobId?: string;
  sessionId?: string;
  component?: string;
  [key: string]: unknown;
}

describe('log lines written during a job', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('carry the job id and the session id, from every logger, with the answer and token redacted', async () => {
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    // One failed Slack call, so the sender (whose logger was made at start-up) writes a line too.
    h.stub.script('chat.postEphemeral', { status: 500 });
    h.logs.length = 0;
    const answer = h.answer(rootTs, 'U2', ANSWER);
    const job = await h.enqueue(answer);
    await job.waitUntilFinished(h.events, 15_000);

    const lines = h.logs.map((line) => JSON.parse(line) as LogLine);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line, JSON.stringify(line)).toMatchObject({ jobId: job.id, sessionId: h.threadId(rootTs) });
    }
    // The retry and the worker's own "job failed" event line (written outside the job) carry them too.
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['job failed; will retry with backoff', 'job failed', 'job done']));
    for (const raw of h.logs) {
      expect(raw).not.toContain(ANSWER);
      expect(raw).not.toContain('tail sampling at the collector');
      expect(raw).not.toContain(TOKEN);
      // One jobId key per line: the context and a child binding never both write it.
      expect(raw.match(/"jobId"/g)).toHaveLength(1);
    }
  });

  it('carry the job id, and the session a command starts from the moment it exists, in the sender’s lines too', async () => {
    // Posted, but the answer is lost: the re-run's sender (its logger made at start-up) finds the post and says so.
    h.stub.script('chat.postMessage', { status: 500, afterEffect: true });
    h.logs.length = 0;
    const job = await h.enqueue(h.command(''));
    await job.waitUntilFinished(h.events, 15_000);
    const lines = h.logs.map((line) => JSON.parse(line) as LogLine);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.jobId, JSON.stringify(line)).toBe(job.id);
    // The question's post starts the session: the job's last line names it.
    const rootTs = h.stub.messages[0]?.ts ?? '';
    expect(lines.find((line) => line.msg === 'job done')?.sessionId).toBe(h.threadId(rootTs));
    expect(lines.find((line) => line.msg === 'job failed')?.sessionId).toBeUndefined();
    expect(lines.map((line) => line.msg)).toContain('post already delivered by an earlier run; not posting again');
    expect(h.stub.messages).toHaveLength(1);
  });

  it('stop carrying them once the job is over', async () => {
    const job = await h.enqueue(h.command('help'));
    await job.waitUntilFinished(h.events, 15_000);
    h.logs.length = 0;
    h.log.info('after the job');
    expect(JSON.parse(h.logs[0]!)).not.toHaveProperty('jobId');
  });
});
