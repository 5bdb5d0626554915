import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { createKeepAliveFetch } from '../src/adapters/slack/keep-alive-fetch.ts';
import { WebApiCaller } from '../src/adapters/slack/web-api-call.ts';

/**
 * The sender's thin Web API path (web-api-call.ts) against the real WebClient configured as
 * the sender configures it: for the same call, the same request on the wire, and the same
 * result or the same SDK error (class, code, fields), reply by reply.
 */
const TOKEN = 'xoxb-1111-2222-thinpathtoken';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

const seen: Seen[] = [];
let reply: Reply = { status: 200, body: '{"ok":true}' };
let server: Server;
let apiUrl = '';

function quietLogger(lines: string[]): SlackLogger {
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) => lines.push(`warn ${parts.join(' ')}`),
    error: (...parts: unknown[]) => lines.push(`error ${parts.join(' ')}`),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Both clients, on one keep-alive transport each, logging into their own list. */
function clients() {
  const sdkLines: string[] = [];
  const thinLines: string[] = [];
  const sdk = new WebClient(TOKEN, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    allowAbsoluteUrls: false,
    fetch: createKeepAliveFetch({ timeoutMs: 2_000 }).fetch,
    timeout: 0,
    logger: quietLogger(sdkLines),
    logLevel: LogLevel.WARN,
  });
  const thin = new WebApiCaller(createKeepAliveFetch({ timeoutMs: 2_000 }), apiUrl, TOKEN, quietLogger(thinLines));
  return { sdk, thin, sdkLines, thinLines };
}

type Outcome = { result: unknown } | { error: { name: string; message: string; fields: Record<string, unknown> } };

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { result: await call() };
  } catch (error) {
    // p-retry stamps attemptNumber and retriesLeft on what it rethrows; nothing here reads them.
    const { name, message, stack: _stack, cause: _cause, original, attemptNumber: _attempt, retriesLeft: _left, headers, ...fields } = error as Error & { original?: Error; cause?: unknown; attemptNumber?: number; retriesLeft?: number; headers?: Record<string, string> };
    // The Date header may tick between the two calls.
    const { date: _date, ...stableHeaders } = headers ?? {};
    return { error: { name, message, fields: { ...fields, ...(headers ? { headers: stableHeaders } : {}), ...(original ? { original: original.message } : {}) } } };
  }
}

/** One call through each client; returns what each sent and what each gave back. */
async function both(method: string, args: Record<string, unknown>, unread?: string) {
  const { sdk, thin, sdkLines, thinLines } = clients();
  seen.length = 0;
  const sdkOutcome = await outcomeOf(() => sdk.apiCall(method, args));
  const thinOutcome = await outcomeOf(() => thin.call(method, args, unread));
  expect(seen).toHaveLength(2);
  return { sent: { sdk: seen[0]!, thin: seen[1]! }, sdkOutcome, thinOutcome, sdkLines, thinLines };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { host: _host, connection: _connection, ...headers } = req.headers;
      seen.push({ url: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the sender’s thin Web API path matches the WebClient', () => {
  const post = {
    channel: 'C1',
    thread_ts: '1700000000.000100',
    // Every character querystring leaves alone (-_.!~*'()) and some it escapes.
    text: `Question: what is an SLO? & more = "quoted" ünïcode 🙂 it's (really) ~that~ *simple*! a-b_c.d/e+f%g#h`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*bold* <https://example.com|link>' } }],
    unfurl_links: false,
    unfurl_media: false,
    metadata: { event_type: 'obs_bot_post', event_payload: { key: 'Ev1/post#0' } },
    skipped: undefined,
    dropped: null,
    limit: 5,
  };

  it('sends the same request: URL, form body, headers', async () => {
    reply = { status: 200, body: '{"ok":true,"ts":"1700000000.000200","channel":"C1"}' };
    const { sent, sdkOutcome, thinOutcome } = await both('chat.postMessage', post);
    expect(sent.thin).toEqual(sent.sdk);
    expect(sent.thin.url).toBe('/api/chat.postMessage');
    expect(sent.thin.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(thinOutcome).toEqual(sdkOutcome);
    expect(thinOutcome).toMatchObject({ result: { ok: true, ts: '1700000000.000200' } });
  });

  it('leaves out a field the caller never reads, and gives the rest as the WebClient does', async () => {
    const message = { type: 'message', text: 'Question: "x" ’ 🙂', blocks: post.blocks, metadata: post.metadata, ts: '1700000000.000200' };
    reply = { status: 200, headers: { 'x-oauth-scopes': 'chat:write' }, body: JSON.stringify({ ok: true, channel: 'C1', ts: '1700000000.000200', message, response_metadata: { warnings: ['missing_charset'] } }) };
    const { sdkOutcome, thinOutcome, thinLines } = await both('chat.postMessage', post, 'message');
    const { message: echoed, ...rest } = (sdkOutcome as { result: Record<string, unknown> }).result;
    expect(echoed).toEqual(message);
    expect(thinOutcome).toEqual({ result: rest });
    expect(thinLines).toEqual(['warn missing_charset']);
    // A refusal reads the same with or without the field left out.
    reply = { status: 200, body: '{"ok":false,"error":"not_in_channel","message":{"text":"x"}}' };
    const refused = await both('chat.postMessage', post, 'message');
    expect(refused.thinOutcome).toMatchObject({ error: { name: 'WebAPIPlatformError', fields: { code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel' } } } });
  });

  it('gives the same result with scopes, Retry-After and warnings from the reply', async () => {
    reply = {
      status: 200,
      headers: { 'x-oauth-scopes': 'chat:write, channels:history', 'x-accepted-oauth-scopes': 'chat:write', 'retry-after': '3' },
      body: '{"ok":true,"ts":"1.2","response_metadata":{"warnings":["missing_charset"],"messages":["[WARN] superfluous_charset","[ERROR] something odd"]}}',
    };
    const { sdkOutcome, thinOutcome, sdkLines, thinLines } = await both('chat.postMessage', post);
    expect(thinOutcome).toEqual(sdkOutcome);
    expect(thinOutcome).toMatchObject({ result: { response_metadata: { scopes: ['chat:write', 'channels:history'], retryAfter: 3 } } });
    expect(thinLines).toEqual(['warn missing_charset', 'warn superfluous_charset', 'error something odd']);
    // The WebClient logs each warning through forEach, so its line also carries the index and the array.
    expect(sdkLines).toHaveLength(thinLines.length);
    sdkLines.forEach((line, index) => expect(line.startsWith(thinLines[index]!)).toBe(true));
  });

  const failures: [string, Reply, string][] = [
    ['a refusal (ok: false)', { status: 200, body: '{"ok":false,"error":"not_in_channel"}' }, 'slack_webapi_platform_error'],
    ['a body that is not JSON', { status: 200, body: 'upstream hiccup' }, 'slack_webapi_platform_error'],
    ['a 429 with Retry-After', { status: 429, headers: { 'retry-after': '7' }, body: '' }, 'slack_webapi_rate_limited_error'],
    ['a 500', { status: 500, body: '{"ok":false,"error":"internal_error"}' }, 'slack_webapi_http_error'],
    ['a 404 with a text body', { status: 404, body: 'no such method' }, 'slack_webapi_http_error'],
  ];
  for (const [what, failure, code] of failures) {
    it(`throws the same SDK error for ${what}`, async () => {
      reply = failure;
      const { sdkOutcome, thinOutcome } = await both('chat.postMessage', post);
      expect(thinOutcome).toEqual(sdkOutcome);
      expect(thinOutcome).toMatchObject({ error: { fields: { code } } });
    });
  }

  it('throws the same plain error for a 429 without a usable Retry-After', async () => {
    reply = { status: 429, headers: { 'retry-after': 'soon' }, body: '' };
    const { sdkOutcome, thinOutcome } = await both('chat.postMessage', post);
    expect(thinOutcome).toEqual(sdkOutcome);
    expect(thinOutcome).toMatchObject({ error: { message: expect.stringContaining('Retry header did not contain a valid timeout') } });
  });

  it('throws the same request error when Slack cannot be reached', async () => {
    const closed = `http://127.0.0.1:1/api/`;
    const lines: string[] = [];
    const sdk = new WebClient(TOKEN, { slackApiUrl: closed, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, fetch: createKeepAliveFetch({ timeoutMs: 2_000 }).fetch, logger: quietLogger(lines) });
    const thin = new WebApiCaller(createKeepAliveFetch({ timeoutMs: 2_000 }), closed, TOKEN, quietLogger([]));
    const sdkOutcome = await outcomeOf(() => sdk.apiCall('chat.postMessage', post));
    const thinOutcome = await outcomeOf(() => thin.call('chat.postMessage', post));
    expect(thinOutcome).toEqual(sdkOutcome);
    expect(thinOutcome).toMatchObject({ error: { fields: { code: 'slack_webapi_request_error' } } });
  });
});
