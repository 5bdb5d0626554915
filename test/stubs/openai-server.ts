import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scriptable OpenAI-compatible server on 127.0.0.1, so tests drive the real openai SDK
 * (retries, timeouts, headers, parsing) instead of a mock of it. It speaks
 * POST /chat/completions and /v1/chat/completions in the real wire format, usage included.
 * Each request takes the next scripted reply; with none left, the default handler answers;
 * with no default, it answers 500 so a missing script fails loudly.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: ChatRequestBody;
  /** Date.now() on arrival, to check retry delays. */
  receivedAt: number;
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: unknown;
  [key: string]: unknown;
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  /** Assistant message content; wrapped in a chat.completion. Ignored when `body` is given. */
  content?: string;
  /** A raw body (object → JSON), e.g. an error payload. */
  body?: unknown;
  /** Waits this long before answering (for timeouts). */
  delayMs?: number;
  finishReason?: string;
}

export type StubHandler = StubReply | ((request: RecordedRequest) => StubReply);

/** Rough tokens, like usage.prompt_tokens from a real server: ~4 characters per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function chatCompletionBody(request: RecordedRequest, content: string, finishReason = 'stop', id = 1): unknown {
  const promptChars = (request.body.messages ?? []).reduce((sum, message) => sum + String(message.content).length, 0);
  const prompt_tokens = Math.ceil(promptChars / 4);
  const completion_tokens = estimateTokens(content);
  return {
    id: `chatcmpl-stub-${id}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.body.model ?? 'stub-model',
    system_fingerprint: 'fp_stub',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens },
  };
}

export class OpenAiStub {
  readonly requests: RecordedRequest[] = [];
  private readonly script: StubHandler[] = [];
  private fallbackHandler: StubHandler | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  private readonly server: Server;
  private port = 0;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res));
    });
  }

  static async start(): Promise<OpenAiStub> {
    const stub = new OpenAiStub();
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    stub.port = (stub.server.address() as AddressInfo).port;
    return stub;
  }

  /** With the /v1 prefix, as OpenAI's own base URL has. */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Scripts the next replies, in order. */
  reply(...handlers: StubHandler[]): this {
    this.script.push(...handlers);
    return this;
  }

  /** Answers every request once the script is used up. */
  otherwise(handler: StubHandler): this {
    this.fallbackHandler = handler;
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.script.length = 0;
    this.fallbackHandler = undefined;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(method: string, url: string, headers: IncomingHttpHeaders, rawBody: string, res: ServerResponse): void {
    const path = url.split('?')[0] ?? url;
    let body: ChatRequestBody = {};
    try {
      body = rawBody ? (JSON.parse(rawBody) as ChatRequestBody) : {};
    } catch {
      send(res, { status: 400, body: { error: { message: 'invalid JSON body', type: 'invalid_request_error' } } });
      return;
    }
    const request: RecordedRequest = { method, path, headers, body, receivedAt: Date.now() };
    this.requests.push(request);
    if (method !== 'POST' || !/^(\/v1)?\/chat\/completions$/.test(path)) {
      send(res, { status: 404, body: { error: { message: `no route ${method} ${path}`, type: 'invalid_request_error' } } });
      return;
    }
    const handler = this.script.shift() ?? this.fallbackHandler;
    const reply: StubReply = typeof handler === 'function' ? handler(request) : handler ?? { status: 500, body: { error: { message: 'stub: no scripted reply', type: 'server_error' } } };
    const respond = (): void => {
      if (res.destroyed) return;
      const status = reply.status ?? 200;
      const payload = reply.body ?? (status === 200 ? chatCompletionBody(request, reply.content ?? '', reply.finishReason, this.requests.length) : { error: { message: 'stub error', type: 'server_error' } });
      send(res, { status, headers: reply.headers, body: payload });
    };
    if (reply.delayMs) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        respond();
      }, reply.delayMs);
      this.timers.add(timer);
    } else {
      respond();
    }
  }
}

function send(res: ServerResponse, reply: { status: number; headers?: Record<string, string>; body: unknown }): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(text);
}

/**
 * The ids a judge request allows, read from its response_format schema as a real model
 * constrained by it would: rubric point ids, and the question's misconception ids (empty
 * when the question lists none and the schema takes any string).
 */
export function judgeSchemaIds(request: RecordedRequest): { pointIds: string[]; misconceptionIds: string[] } {
  interface IdProperty { enum?: string[] }
  const format = request.body.response_format as
    | { json_schema?: { schema?: { properties?: { points?: { items?: { properties?: { id?: IdProperty } } }; misconceptions?: { items?: { properties?: { id?: IdProperty } } } } } } }
    | undefined;
  const properties = format?.json_schema?.schema?.properties;
  return {
    pointIds: properties?.points?.items?.properties?.id?.enum ?? [],
    misconceptionIds: properties?.misconceptions?.items?.properties?.id?.enum ?? [],
  };
}

/** A reply in the judge's output format (prompt judge-v2): verdicts, feedback, follow-up, misconceptions. */
export function judgeReplyContent(reply: {
  points: { id: string; verdict: 'covered' | 'partial' | 'missed'; evidence?: string; note?: string }[];
  feedback?: string;
  followUp?: { pointId: string; question: string } | null;
  misconceptions?: { id: string; quote: string }[];
}): string {
  return JSON.stringify({
    points: reply.points.map(({ id, verdict, evidence = '', note = '' }) => ({ id, verdict, evidence, note })),
    feedback: reply.feedback ?? 'Clear propagation story; sampling costs need numbers.',
    followUp: reply.followUp ?? null,
    misconceptions: reply.misconceptions ?? [],
  });
}
