import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Slack's Web API on 127.0.0.1, speaking its wire format so tests drive the
 * real WebClient (serialisation, auth header, 429 handling, error mapping):
 * - POST /api/<method>, form-encoded (what WebClient sends) or JSON; answers
 *   `{ok: true, …}` / `{ok: false, error}`, or 429 with `Retry-After`;
 * - keeps the messages it was sent (with incrementing `ts`, threads and `metadata`) and
 *   serves them back through conversations.history / conversations.replies, metadata only
 *   with `include_all_metadata`, like Slack;
 * - enforces the limits that matter to us: 50 blocks, 3,000 characters per section text;
 * - POST /response/<id> stands in for response_url;
 * - users.info answers with Slack's admin flags, scriptable per user with `setUser`;
 * - apps.connections.open answers with `socketMode.url()` when the app-level token matches
 *   (`socketMode` set by a Socket Mode test), like Slack handing out a WebSocket URL.
 * Every call is recorded. `script(method, …replies)` queues one-off replies for a method:
 * an error, a 429, a 500, a delay, `afterEffect` (do the work, then fail the response:
 * "posted, but the answer was lost"), `pass` (behave normally, to script a later call), or
 * `hold` (keep the request open, unanswered, until `releaseHeld()` or the caller goes away:
 * a worker killed mid-call).
 */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried. */
  token: string | undefined;
  at: number;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user: string;
  bot_id: string;
}

export interface ScriptedReply {
  /** Behave normally this time (to script the second call, not the first). */
  pass?: boolean;
  /** HTTP status; default 200 (429 when `retryAfter` is set). */
  status?: number;
  /** Seconds, sent as the Retry-After header. */
  retryAfter?: number;
  /** `{ok: false, error}` with status 200. */
  error?: string;
  delayMs?: number;
  /** Perform the call's normal effect first, then answer with this reply. */
  afterEffect?: boolean;
  /** Never answer (after the effect, with `afterEffect`) until `releaseHeld()`: the call hangs. */
  hold?: boolean;
}

/** What users.info says about a person: Slack's admin flags. */
export interface StubUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  deleted?: boolean;
  is_bot?: boolean;
  /** users.info answers `user_not_found`. */
  missing?: boolean;
}

/** A modal opened with views.open, as the stand-in keeps it. */
export interface OpenedView {
  id: string;
  triggerId: string;
  view: Record<string, unknown>;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

type Json = Record<string, unknown>;

const JSON_ARGS = new Set(['blocks', 'attachments', 'metadata', 'view']);
const BOT_USER = 'UBOT';
const BOT_ID = 'BBOT';

function parseArgs(raw: string, headers: IncomingHttpHeaders): Json {
  if (!raw) return {};
  if (String(headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Json;
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_ARGS.has(key)) args[key] = JSON.parse(value);
    else if (value === 'true' || value === 'false') args[key] = value === 'true';
    else args[key] = value;
  }
  return args;
}

/** The first reason Slack would refuse these blocks, if any. */
export function blocksProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return `too many blocks (${blocks.length} > 50)`;
  for (const block of blocks as Json[]) {
    const text = (block.text as Json | undefined)?.text;
    if (block.type === 'section' && typeof text === 'string' && text.length > 3000) return `section text too long (${text.length} > 3000)`;
  }
  return undefined;
}

export class SlackApiStub {
  readonly calls: SlackCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly reactions: { channel: string; timestamp: string; name: string }[] = [];
  /** When set, calls with any other token get `invalid_auth`. */
  expectedToken: string | undefined;
  /** users.info answers: anyone not listed is an ordinary member (see `setUser`). */
  readonly users = new Map<string, StubUser>();
  /** conversations.members answers, per channel (see `setMembers`); unknown channels: channel_not_found. */
  readonly members = new Map<string, string[]>();
  /** Modals opened through views.open, oldest first. */
  readonly views: OpenedView[] = [];
  /** Socket Mode: the app-level token apps.connections.open accepts, and the URL it hands out. */
  socketMode: { appToken: string; url: () => string } | undefined;
  /** Requests kept open by a `hold` reply, oldest first. */
  readonly held: { method: string; at: number }[] = [];
  private readonly heldResponses: ServerResponse[] = [];
  private readonly scripts = new Map<string, ScriptedReply[]>();
  private clock = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(options: { token?: string } = {}): Promise<SlackApiStub> {
    // The handler needs the stub, and the stub needs the server's port: a holder breaks the cycle.
    const holder: { stub?: SlackApiStub } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void holder.stub?.handle(req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const stub = new SlackApiStub(server, (server.address() as AddressInfo).port);
    stub.expectedToken = options.token;
    holder.stub = stub;
    return stub;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** For WebClient's `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  /** Queues one-off replies for a method (`chat.postMessage`) or for response URLs (`response_url`). */
  script(method: string, ...replies: ScriptedReply[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...replies]);
  }

  /** Scripts what users.info says about a person, e.g. `setUser('U9', { is_admin: true })`. */
  setUser(id: string, user: StubUser): void {
    this.users.set(id, user);
  }

  setMembers(channel: string, members: string[]): void {
    this.members.set(channel, members);
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Messages in a thread (root excluded), oldest first. */
  threadReplies(channel: string, threadTs: string): StoredMessage[] {
    return this.messages.filter((message) => message.channel === channel && message.thread_ts === threadTs && message.ts !== threadTs);
  }

  /** Polls until `predicate` holds, or fails after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Answers every held request with a 500 (if its caller is still there). */
  releaseHeld(): void {
    for (const res of this.heldResponses.splice(0)) if (!res.destroyed) this.send(res, 500, { ok: false, error: 'http_error' });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Like Slack: seconds since the epoch, then a counter that keeps ts unique and increasing. */
  private nextTs(): string {
    this.clock += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.clock).padStart(6, '0')}`;
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(url: string, headers: IncomingHttpHeaders, raw: string, res: ServerResponse): Promise<void> {
    const path = url.split('?')[0] ?? '/';
    if (path.startsWith('/response/')) return this.handleResponseUrl(path.slice('/response/'.length), raw, res);
    if (!path.startsWith('/api/')) return this.send(res, 404, { ok: false, error: 'not_found' });
    const method = path.slice('/api/'.length);
    const args = parseArgs(raw, headers);
    const auth = String(headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : typeof args.token === 'string' ? args.token : undefined;
    this.calls.push({ method, args, token, at: Date.now() });

    const scripted = this.scripts.get(method)?.shift();
    if (scripted?.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (scripted?.hold) {
      if (scripted.afterEffect) this.perform(method, args);
      this.held.push({ method, at: Date.now() });
      this.heldResponses.push(res);
      return;
    }
    if (scripted && !scripted.afterEffect && !scripted.pass) return this.reply(res, scripted);
    // Called with the app-level token (xapp-), not the bot token.
    if (method === 'apps.connections.open') return this.send(res, 200, this.openConnection(token));
    if (this.expectedToken !== undefined && token !== this.expectedToken) return this.send(res, 200, { ok: false, error: 'invalid_auth' });
    const result = this.perform(method, args);
    if (scripted?.afterEffect) return this.reply(res, scripted);
    this.send(res, 200, result);
  }

  private openConnection(token: string | undefined): Json {
    if (!this.socketMode) return { ok: false, error: 'unknown_method' };
    if (token !== this.socketMode.appToken) return { ok: false, error: token?.startsWith('xapp-') ? 'invalid_auth' : 'not_allowed_token_type' };
    return { ok: true, url: this.socketMode.url() };
  }

  private reply(res: ServerResponse, scripted: ScriptedReply): void {
    if (scripted.retryAfter !== undefined) return this.send(res, scripted.status ?? 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(scripted.retryAfter) });
    if (scripted.status && scripted.status !== 200) return this.send(res, scripted.status, { ok: false, error: 'http_error' });
    this.send(res, 200, { ok: false, error: scripted.error ?? 'unknown_error' });
  }

  private perform(method: string, args: Json): Json {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: 'T1' };
      case 'chat.postMessage': {
        const problem = blocksProblem(args.blocks);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        if (typeof args.channel !== 'string' || !args.channel) return { ok: false, error: 'channel_not_found' };
        const message: StoredMessage = {
          channel: args.channel,
          ts: this.nextTs(),
          user: BOT_USER,
          bot_id: BOT_ID,
          ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
          ...(typeof args.text === 'string' ? { text: args.text } : {}),
          ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
          ...(args.metadata ? { metadata: args.metadata as StoredMessage['metadata'] } : {}),
        };
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message };
      }
      case 'chat.postEphemeral': {
        const problem = blocksProblem(args.blocks);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'reactions.add': {
        const reaction = { channel: String(args.channel), timestamp: String(args.timestamp), name: String(args.name) };
        if (this.reactions.some((r) => r.channel === reaction.channel && r.timestamp === reaction.timestamp && r.name === reaction.name)) {
          return { ok: false, error: 'already_reacted' };
        }
        this.reactions.push(reaction);
        return { ok: true };
      }
      case 'users.info': {
        if (typeof args.user !== 'string' || !args.user) return { ok: false, error: 'user_not_found' };
        const { missing, ...flags } = this.users.get(args.user) ?? {};
        if (missing) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: args.user, team_id: 'T1', name: args.user.toLowerCase(), deleted: false, is_admin: false, is_owner: false, is_primary_owner: false, is_bot: false, ...flags },
        };
      }
      case 'conversations.members': {
        const members = this.members.get(String(args.channel));
        if (!members) return { ok: false, error: 'channel_not_found' };
        // Pages of `limit`, like Slack, so callers that stop at the first page are caught.
        const limit = Number(args.limit ?? 100);
        const start = Number(args.cursor ?? 0);
        const next = start + limit < members.length ? String(start + limit) : '';
        return { ok: true, members: members.slice(start, start + limit), response_metadata: { next_cursor: next } };
      }
      case 'views.open': {
        if (typeof args.trigger_id !== 'string' || !args.trigger_id) return { ok: false, error: 'invalid_trigger_id' };
        const view = typeof args.view === 'string' ? (JSON.parse(args.view) as Json) : (args.view as Json);
        const opened = { id: `V${this.views.length + 1}`, triggerId: args.trigger_id, view };
        this.views.push(opened);
        return { ok: true, view: { id: opened.id, ...view } };
      }
      case 'conversations.history': {
        const withMetadata = args.include_all_metadata === true;
        const limit = Number(args.limit ?? 100);
        const top = this.messages.filter((m) => m.channel === args.channel && (m.thread_ts === undefined || m.thread_ts === m.ts) && this.inWindow(m, args));
        return { ok: true, messages: top.slice(-limit).reverse().map((m) => this.view(m, withMetadata)), has_more: false };
      }
      case 'conversations.replies': {
        const withMetadata = args.include_all_metadata === true;
        const root = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!root) return { ok: false, error: 'thread_not_found' };
        const replies = this.threadReplies(String(args.channel), String(args.ts)).filter((m) => this.inWindow(m, args));
        return { ok: true, messages: [root, ...replies].map((m) => this.view(m, withMetadata)), has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** `oldest`/`latest` bound a read, as Slack's do (inclusive when asked). */
  private inWindow(message: StoredMessage, args: Json): boolean {
    const ts = Number(message.ts);
    const inclusive = args.inclusive === true;
    if (args.oldest !== undefined && (inclusive ? ts < Number(args.oldest) : ts <= Number(args.oldest))) return false;
    if (args.latest !== undefined && (inclusive ? ts > Number(args.latest) : ts >= Number(args.latest))) return false;
    return true;
  }

  private view(message: StoredMessage, withMetadata: boolean): StoredMessage {
    if (withMetadata) return message;
    const { metadata: _metadata, ...rest } = message;
    return rest;
  }

  private handleResponseUrl(id: string, raw: string, res: ServerResponse): void {
    const scripted = this.scripts.get('response_url')?.shift();
    if (scripted && !scripted.afterEffect && !scripted.pass) {
      if (scripted.retryAfter !== undefined) {
        res.writeHead(scripted.status ?? 429, { 'retry-after': String(scripted.retryAfter) });
        res.end('rate_limited');
        return;
      }
      res.writeHead(scripted.status ?? 404);
      res.end(scripted.error ?? 'expired_url');
      return;
    }
    this.responses.push({ id, body: JSON.parse(raw || '{}') as Record<string, unknown>, at: Date.now() });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  }
}
