import { Agent, request } from 'node:http';
import { stringify } from 'node:querystring';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { renderMessage } from '../src/adapters/slack/render/index.ts';
import { POST_EVENT_TYPE } from '../src/adapters/slack/sender.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { startSession } from '../src/core/interview/engine.ts';
import { required } from './worker-child.ts';

/**
 * The reference for bench/worker-capacity.bench.ts: only the work a question job cannot
 * avoid. The same BullMQ job from the same queue, the same chat.postMessage to the same
 * stand-in over a keep-alive node:http client, and one Redis write. No validation, no plan,
 * no rendering per job: what is left is BullMQ, one HTTP call and one write.
 *
 * The same call means the same request: a question's text, blocks and idempotency metadata,
 * as our worker posts them (several KB, which the stand-in parses, checks and echoes back,
 * as Slack does). They are rendered once per question at start-up, form-encoded too; a job
 * only adds its channel and its key. BENCH_REFERENCE_BODY=minimal posts `text=question`
 * instead, the reference's first form, for comparison with earlier figures.
 */
const apiUrl = new URL(required('BENCH_SLACK_API_URL'));
const token = required('BENCH_BOT_TOKEN');
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const store = new Redis(required('BENCH_REDIS_URL'));
const prefix = required('BENCH_PREFIX');
const minimal = process.env.BENCH_REFERENCE_BODY === 'minimal';

/** Each question's post, form-encoded, without its channel and metadata. */
async function renderedQuestions(): Promise<string[]> {
  const bank = await loadQuestionBank(process.env.OBS_CONTENT_DIR ?? 'content');
  return bank.questions.map((question) => {
    const [event] = startSession({ id: 'pending', question, mode: 'channel', now: Date.now() }).events;
    if (!event) throw new Error('startSession produced no question');
    const [message] = renderMessage({ parts: [event] });
    if (!message) throw new Error('a question rendered to nothing');
    return stringify({ text: message.text, blocks: JSON.stringify(message.blocks), unfurl_links: false, unfurl_media: false });
  });
}
const bodies = minimal ? [] : await renderedQuestions();

function bodyFor(channel: string, key: string): string {
  if (minimal) return new URLSearchParams({ channel, text: 'question' }).toString();
  const question = bodies[Math.floor(Math.random() * bodies.length)]!;
  return `${stringify({ channel })}&${question}&${stringify({ metadata: JSON.stringify({ event_type: POST_EVENT_TYPE, event_payload: { key } }) })}`;
}

function post(channel: string, key: string): Promise<void> {
  const body = bodyFor(channel, key);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: apiUrl.hostname, port: apiUrl.port, path: `${apiUrl.pathname.replace(/\/$/, '')}/chat.postMessage`, method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const worker = new Worker(
  'interactions',
  async (job) => {
    const data = job.data as { channelId: string; dedupeKey: string };
    await post(data.channelId, `${data.dedupeKey}/root#0`);
    await store.set(`${prefix}:ref:${data.dedupeKey}`, '1', 'PX', 86_400_000);
  },
  { connection: new Redis(required('BENCH_REDIS_URL'), { maxRetriesPerRequest: null }), prefix, concurrency: 8 },
);
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().finally(() => {
    store.disconnect();
    agent.destroy();
    process.exit(0);
  });
});
