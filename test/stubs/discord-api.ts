import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local Discord for tests and the benchmark, on 127.0.0.1: the REST API under
 * `/api/v10` and a gateway (WebSocket) at `/gateway`, so the real discord.js Client and
 * @discordjs/rest run against it unchanged (DISCORD_API_URL = `apiUrl`).
 *
 * REST: records every call; answers interaction callbacks (a second one for the same
 * interaction is 400/40060, one later than 3 s after the dispatch 404/10062, like Discord),
 * interaction webhooks (@original edits, follow-ups), channel messages (nonce +
 * enforce_nonce returns the earlier message), thread creation (twice: 400/160004), DMs,
 * reactions, guild and member reads, command registration PUTs, GET /gateway/bot.
 * `script(matcher, …replies)` queues one-off replies: a 429 with Retry-After and
 * X-RateLimit headers, a 5xx, a Discord error code.
 *
 * Gateway: HELLO, heartbeat ACK, IDENTIFY → READY (guilds unavailable) → GUILD_CREATE for
 * each, then whatever the test dispatches (INTERACTION_CREATE, MESSAGE_CREATE). The
 * IDENTIFY payloads are kept, so tests can read the intents asked for.
 */
export const BOT_USER_ID = '900000000000000001';
export const APPLICATION_ID = '900000000000000001';

export interface RestCall {
  method: string;
  /** Decoded path after /api/v10, e.g. `/channels/1/messages`, `/webhooks/1/tok/messages/@original`. */
  path: string;
  body: Record<string, unknown> | undefined;
  auth: string | undefined;
  at: number;
}

export interface ScriptedReply {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Do the call's normal work first, then answer with this reply ("posted, but the answer was lost"). */
  afterEffect?: boolean;
}

export interface StubGuild {
  id: string;
  ownerId: string;
  channels: { id: string; name: string }[];
  /** Roles besides @everyone (whose id is the guild's). */
  roles: { id: string; permissions: string }[];
  /** Member id → role ids, for GET /guilds/:g/members/:u. */
  members: Record<string, string[]>;
  /** Members that are bots (`user.bot` in GET member). */
  bots?: string[];
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  content?: string;
  embeds: { title?: string; description?: string; footer?: { text: string }; author?: { name: string } }[];
  components: { type: number; components: { custom_id?: string; label?: string }[] }[];
  nonce?: string;
  flags?: number;
}

interface Matcher {
  method?: string;
  path: RegExp;
}

let snowflakeCounter = 0n;
/** Increasing snowflake-shaped ids, unique within the process. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + (snowflakeCounter % 4_000_000n)).toString();
}

export class DiscordStub {
  readonly calls: RestCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly identifies: { intents: number; token: string }[] = [];
  readonly threads = new Map<string, string>();
  /** Interaction id → when it was dispatched, and whether it was answered. */
  private readonly interactions = new Map<string, { dispatchedAt: number; answered: boolean }>();
  private readonly scripts: { matcher: Matcher; replies: ScriptedReply[] }[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly nonces = new Map<string, StoredMessage>();
  private seq = 0;
  /** Called as each REST call arrives (the benchmark times callbacks and posts with it). */
  onCall?: (call: RestCall) => void;
  /** Keep posted messages (tests read them); the benchmark turns this off to save memory. */
  keepMessages = true;
  /** Whether the app may use privileged intents (Message Content); if not, IDENTIFY with one closes 4014. */
  privilegedIntentsEnabled = true;
  /** Discord answers a callback later than this with 404 (10062). */
  callbackDeadlineMs = 3_000;
  readonly guilds: StubGuild[];

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
    private readonly token: string,
    guilds: StubGuild[],
  ) {
    this.guilds = guilds;
  }

  static async start(options: { token: string; guilds: StubGuild[] }): Promise<DiscordStub> {
    const server = createServer();
    const wss = new WebSocketServer({ noServer: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const stub = new DiscordStub(server, wss, port, options.token, options.guilds);
    server.on('request', (req, res) => void stub.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      wss.handleUpgrade(req, socket, head, (ws) => stub.onSocket(ws));
    });
    return stub;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  script(matcher: Matcher, ...replies: ScriptedReply[]): void {
    this.scripts.push({ matcher, replies });
  }

  callsTo(method: string, path: RegExp): RestCall[] {
    return this.calls.filter((call) => call.method === method && path.test(call.path));
  }

  callbacksFor(interactionId: string): RestCall[] {
    return this.callsTo('POST', new RegExp(`^/interactions/${interactionId}/[^/]+/callback$`));
  }

  async waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---- gateway ----------------------------------------------------------------------

  private send(ws: WebSocket, payload: Record<string, unknown>): void {
    ws.send(JSON.stringify(payload));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    this.send(ws, { op: 10, d: { heartbeat_interval: 41_250 } });
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) this.send(ws, { op: 11 });
      if (packet.op === 2) {
        this.identifies.push({ intents: Number(packet.d.intents), token: String(packet.d.token) });
        if (packet.d.token !== this.token && packet.d.token !== `Bot ${this.token}`) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        if (!this.privilegedIntentsEnabled && (Number(packet.d.intents) & (1 << 15)) !== 0) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        this.seq = 0;
        this.send(ws, {
          op: 0,
          t: 'READY',
          s: ++this.seq,
          d: {
            v: 10,
            user: { id: BOT_USER_ID, username: 'obs-bot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
            guilds: this.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
            session_id: `session-${Date.now()}`,
            resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
            application: { id: APPLICATION_ID, flags: 0 },
            shard: [0, 1],
          },
        });
        for (const guild of this.guilds) this.send(ws, { op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: guildPayload(guild) });
      }
    });
  }

  /** Sends a dispatch to every connected gateway session. */
  dispatch(event: string, data: Record<string, unknown>): void {
    if (event === 'INTERACTION_CREATE') {
      const id = String(data.id);
      if (!this.interactions.has(id)) this.interactions.set(id, { dispatchedAt: Date.now(), answered: false });
    }
    const seq = ++this.seq;
    for (const ws of this.sockets) this.send(ws, { op: 0, t: event, s: seq, d: data });
  }

  get connected(): number {
    return this.sockets.size;
  }

  // ---- REST ---------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const method = req.method ?? 'GET';
    let body: Record<string, unknown> | undefined;
    if (text) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { raw: text };
      }
    }
    const call: RestCall = { method, path, body, auth: req.headers.authorization, at: Date.now() };
    if (this.keepMessages) this.calls.push(call);
    this.onCall?.(call);
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, json === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };

    const scripted = this.scripts.find((entry) => entry.replies.length > 0 && (!entry.matcher.method || entry.matcher.method === method) && entry.matcher.path.test(path));
    let after: ScriptedReply | undefined;
    if (scripted) {
      const next = scripted.replies.shift() as ScriptedReply;
      if (next.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs));
      if (!next.afterEffect) return reply(next.status, next.body ?? { message: 'scripted', code: 0 }, next.headers ?? {});
      after = next;
    }
    const respond = reply;
    const replyOrScripted = (status: number, json?: unknown, headers: Record<string, string> = {}): void =>
      after ? respond(after.status, after.body ?? { message: 'scripted', code: 0 }, after.headers ?? {}) : respond(status, json, headers);
    return this.route(method, path, text, body, req, replyOrScripted);
  }

  private route(method: string, path: string, text: string, body: Record<string, unknown> | undefined, req: IncomingMessage, reply: (status: number, json?: unknown, headers?: Record<string, string>) => void): void {

    const webhook = /^\/(webhooks|interactions)\//.test(path);
    if (!webhook && path !== '/gateway/bot' && req.headers.authorization !== `Bot ${this.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });

    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return reply(200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const state = this.interactions.get(match[1] as string);
      if (state?.answered) return reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      if (state && Date.now() - state.dispatchedAt > this.callbackDeadlineMs) return reply(404, { message: 'Unknown interaction', code: 10062 });
      if (state) state.answered = true;
      return reply(204);
    }
    if ((match = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path))) {
      if (method === 'PATCH' || method === 'GET') return reply(200, this.message(`@original`, { ...(body ?? {}) }, false));
      if (method === 'DELETE') return reply(204);
    }
    if (method === 'POST' && (match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      return reply(200, this.message(`webhook:${match[2]}`, body ?? {}, true));
    }
    if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      const messageId = match[2] as string;
      if (this.threads.has(messageId)) return reply(400, { message: 'A thread has already been created for this message', code: 160004 });
      this.threads.set(messageId, match[1] as string);
      return reply(201, { id: messageId, type: 11, parent_id: match[1], guild_id: this.guilds[0]?.id, name: body?.name, owner_id: BOT_USER_ID });
    }
    if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const channel = match[1] as string;
      const nonce = typeof body?.nonce === 'string' ? body.nonce : undefined;
      if (nonce && body?.enforce_nonce) {
        const earlier = this.nonces.get(`${channel}:${nonce}`);
        if (earlier) return reply(200, earlier);
      }
      const stored = this.message(channel, body ?? {}, true);
      if (nonce) this.nonces.set(`${channel}:${nonce}`, stored);
      return reply(200, stored);
    }
    if (method === 'PUT' && /^\/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/.test(path)) return reply(204);
    if (method === 'POST' && path === '/users/@me/channels') return reply(200, { id: `7${String(body?.recipient_id ?? '0').slice(1)}`, type: 1, recipients: [{ id: body?.recipient_id }] });
    if (method === 'GET' && (match = /^\/guilds\/(\d+)$/.exec(path))) {
      const guild = this.guilds.find((g) => g.id === match?.[1]);
      return guild ? reply(200, guildPayload(guild)) : reply(404, { message: 'Unknown Guild', code: 10004 });
    }
    if (method === 'GET' && (match = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path))) {
      const guild = this.guilds.find((g) => g.id === match?.[1]);
      const roles = guild?.members[match[2] as string];
      return roles ? reply(200, { user: { id: match[2], username: 'member', discriminator: '0', bot: guild?.bots?.includes(match[2] as string) === true }, roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }) : reply(404, { message: 'Unknown Member', code: 10007 });
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = Array.isArray(body) ? body : (JSON.parse(text) as Record<string, unknown>[]);
      return reply(200, commands.map((command) => ({ ...command, id: snowflake(), application_id: APPLICATION_ID, version: snowflake() })));
    }
    return reply(404, { message: `stub: no route for ${method} ${path}`, code: 0 });
  }

  private message(channel: string, body: Record<string, unknown>, store: boolean): StoredMessage & Record<string, unknown> {
    const message = {
      id: snowflake(),
      channel_id: channel,
      type: 0,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: (body.embeds ?? []) as StoredMessage['embeds'],
      components: (body.components ?? []) as StoredMessage['components'],
      ...(typeof body.nonce === 'string' ? { nonce: body.nonce } : {}),
      ...(typeof body.flags === 'number' ? { flags: body.flags } : {}),
      author: { id: BOT_USER_ID, username: 'obs-bot', discriminator: '0', bot: true, avatar: null },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
    };
    if (store && this.keepMessages) this.messages.push(message);
    return message;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function guildPayload(guild: StubGuild): Record<string, unknown> {
  const role = (id: string, name: string, permissions: string, position: number) => ({ id, name, permissions, position, color: 0, hoist: false, managed: false, mentionable: false, flags: 0, icon: null, unicode_emoji: null });
  return {
    id: guild.id,
    name: `Guild ${guild.id}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [role(guild.id, '@everyone', '0', 0), ...guild.roles.map((r, index) => role(r.id, `role-${index}`, r.permissions, index + 1))],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: Object.keys(guild.members).length,
    voice_states: [],
    members: [],
    channels: guild.channels.map((channel, index) => ({ id: channel.id, type: 0, name: channel.name, position: index, guild_id: guild.id, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 })),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}
