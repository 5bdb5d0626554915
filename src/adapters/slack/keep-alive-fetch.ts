import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { FetchFunction } from '@slack/web-api';

type FetchRequestInit = NonNullable<Parameters<FetchFunction>[1]>;

/**
 * The WebClient's `fetch`, on node:http(s) with keep-alive agents instead of undici's fetch.
 *
 * Measured in the issue: 40–44% of the worker's main thread went to the WebClient over
 * undici (fetch's stream machinery, a per-request `AbortSignal.timeout`), and a keep-alive
 * client passed through `WebClientOptions.fetch` gave +40% throughput. The timeout is the
 * socket's idle timeout here, so the WebClient is given `timeout: 0` and creates no signal;
 * a signal passed anyway is honoured. A body that is not a string (a file upload's
 * FormData) goes to the global fetch, which knows how to encode it.
 */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface KeepAliveFetchOptions {
  /** A request with no byte received for this long fails (ms). */
  timeoutMs: number;
  /** Concurrent sockets per host. */
  maxSockets?: number;
}

/** A response read whole: what the keep-alive client hands to `fetch` and to the thin Web API path (web-api-call.ts). */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer<ArrayBuffer>;
}

export interface RawRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal | null;
}

export interface KeepAliveFetch {
  fetch: FetchFunction;
  /** The same request without a WHATWG `Response` around it: one POST, read whole. */
  send(url: URL, request: RawRequest): Promise<RawResponse>;
  /** Closes the idle sockets. */
  close(): void;
}

function headersOf(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

export function createKeepAliveFetch(options: KeepAliveFetchOptions): KeepAliveFetch {
  const maxSockets = options.maxSockets ?? 64;
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets });

  /**
   * What node:http makes of each URL (urlToHttpOptions), once per URL object: callers
   * reuse theirs (WebApiCaller parses each method's URL once), and node would convert it
   * again on every request.
   */
  const targets = new WeakMap<URL, ReturnType<typeof urlToHttpOptions>>();
  const targetOf = (url: URL): ReturnType<typeof urlToHttpOptions> => {
    let target = targets.get(url);
    if (!target) {
      target = urlToHttpOptions(url);
      targets.set(url, target);
    }
    return target;
  };

  const send = (url: URL, init: RawRequest): Promise<RawResponse> => {
    const secure = url.protocol === 'https:';
    return new Promise<RawResponse>((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)({ ...targetOf(url), method: init.method, ...(init.headers ? { headers: init.headers } : {}), agent: secure ? https : http, timeout: options.timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('timeout', () => request.destroy(new Error(`no response within ${options.timeoutMs} ms`)));
      request.on('error', reject);
      const { signal } = init;
      if (signal) {
        if (signal.aborted) request.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        else signal.addEventListener('abort', () => request.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted')), { once: true });
      }
      request.end(init.body);
    });
  };

  const fetch = async (url: string | URL, init: FetchRequestInit = {}): Promise<Response> => {
    if (init.body !== undefined && typeof init.body !== 'string') return globalThis.fetch(url, init);
    const raw = await send(typeof url === 'string' ? new URL(url) : url, { method: init.method ?? 'GET', ...(init.headers ? { headers: init.headers as Record<string, string> } : {}), ...(init.body !== undefined ? { body: init.body } : {}), signal: init.signal ?? null });
    return new Response(NULL_BODY_STATUSES.has(raw.status) ? null : raw.body, { status: raw.status, statusText: raw.statusText, headers: headersOf(raw.headers) });
  };
  return {
    fetch,
    send,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}
