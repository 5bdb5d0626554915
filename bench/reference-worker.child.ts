import { Agent, request } from 'node:http';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { required } from './worker-child.ts';

/**
 * The reference for bench/worker-capacity.bench.ts: only the work a question job cannot
 * avoid. The same BullMQ job from the same queue, the same chat.postMessage to the same
 * stand-in over a keep-alive node:http client, and one Redis write. No validation, no plan,
 * no rendering beyond a fixed body: what is left is BullMQ, one HTTP call and one write.
 */
const apiUrl = new URL(required('BENCH_SLACK_API_URL'));
const token = required('BENCH_BOT_TOKEN');
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const store = new Redis(required('BENCH_REDIS_URL'));
const prefix = required('BENCH_PREFIX');

function post(channel: string): Promise<void> {
  const body = new URLSearchParams({ channel, text: 'question' }).toString();
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
    await post(data.channelId);
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
