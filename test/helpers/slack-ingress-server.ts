import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The little of Slack's far side the ingress tests need: `auth.test` (the bot identity,
 * fetched once at start-up), any other Web API method answered `{ok:true}`, and
 * `response_url` POSTs at /response/<id>, all recorded. The worker's full stub
 * (test/stubs/slack-api.ts) covers posting and rate limits; ingress needs none of that.
 */
export interface RecordedCall {
  path: string;
  method?: string;
  args: Record<string, unknown>;
  authorization?: string;
}

export interface IngressServer {
  url: string;
  apiUrl: string;
  calls: RecordedCall[];
  responseUrl(id: string): string;
  responses(id: string): Record<string, unknown>[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

export async function startIngressServer(): Promise<IngressServer> {
  const calls: RecordedCall[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const args = await readBody(req);
      const path = (req.url ?? '').split('?')[0] ?? '';
      const method = path.startsWith('/api/') ? path.slice('/api/'.length) : undefined;
      calls.push({ path, ...(method ? { method } : {}), args, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      res.setHeader('content-type', 'application/json');
      if (method === 'auth.test') {
        res.end(JSON.stringify({ ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'obs-bot', team_id: 'T1', user_id: BOT_USER_ID, bot_id: BOT_ID }));
        return;
      }
      res.end(JSON.stringify({ ok: true }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    responseUrl: (id) => `${url}/response/${id}`,
    responses: (id) => calls.filter((call) => call.path === `/response/${id}`).map((call) => call.args),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
