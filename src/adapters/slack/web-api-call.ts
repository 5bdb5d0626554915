import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, type Logger as SlackLogger, type WebAPICallResult } from '@slack/web-api';
// Not re-exported by the package index; the same User-Agent the WebClient sends.
import { getUserAgent } from '@slack/web-api/dist/instrument.js';
import { jsonWithoutField } from './json-without-field.ts';
import type { KeepAliveFetch, RawResponse } from './keep-alive-fetch.ts';

/**
 * One Web API call the way `WebClient.apiCall` makes it with this app's options
 * (`retries: 0`, `rejectRateLimitedCalls`, `timeout: 0` plus the keep-alive client's own
 * timeout, no team id), without the machinery those options leave idle.
 *
 * Why: in the worker's CPU profile the WebClient cost more than the request itself. Per
 * call it builds three debug strings (`JSON.stringify(redact(…))` of the body, headers and
 * result) that a WARN logger drops, runs the call through p-queue and p-retry with nothing
 * to queue or retry, and reads the reply through a WHATWG `Response` and its streams.
 *
 * What stays the WebClient's, and is tested side by side with it (test/slack-web-api-call.test.ts):
 * - the request: POST `<slackApiUrl><method>`, the same form encoding (objects as JSON,
 *   undefined and null dropped), the same headers (User-Agent, Accept, Authorization,
 *   Content-Type);
 * - the reply: the SDK's own error classes, so `mapSlackError` sorts them as before:
 *   429 with Retry-After → WebAPIRateLimitedError, any other non-200 → WebAPIHTTPError, a
 *   body with `ok: false` (or not JSON) → WebAPIPlatformError, a transport failure →
 *   WebAPIRequestError; `response_metadata` warnings and messages go to the logger.
 * File uploads and pagination stay on the WebClient; nothing here sends binary bodies.
 */
export type WebApiArgs = Record<string, unknown>;

export class WebApiCaller {
  private readonly headers: Record<string, string>;
  /** Each method's URL, parsed once: a handful of methods, called for every job. */
  private readonly urls = new Map<string, URL>();

  constructor(
    private readonly transport: Pick<KeepAliveFetch, 'send'>,
    /** Ends with `/` (as the WebClient's `slackApiUrl`). */
    private readonly apiUrl: string,
    token: string,
    private readonly logger: SlackLogger,
  ) {
    this.headers = {
      'User-Agent': getUserAgent(),
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    };
  }

  /**
   * `unread`: a top-level field of the reply the caller never reads (chat.postMessage's
   * echo of the message), left out of the result without being parsed (json-without-field.ts).
   */
  async call<R extends WebAPICallResult>(method: string, args: WebApiArgs, unread?: string): Promise<R> {
    let response: RawResponse;
    try {
      response = await this.transport.send(this.urlOf(method), { method: 'POST', headers: this.headers, body: formBody(args) });
    } catch (error) {
      const original = error instanceof Error ? error : new Error(String(error));
      this.logger.warn('http request failed', original.message);
      throw new WebAPIRequestError(original);
    }
    if (response.status === 429) {
      const retryAfter = retryAfterOf(response);
      if (retryAfter === undefined) throw new Error(`Retry header did not contain a valid timeout (url: ${this.apiUrl}${method}, retry-after header: ${headerOf(response, 'retry-after')})`);
      throw new WebAPIRateLimitedError(retryAfter);
    }
    if (response.status !== 200) throw new WebAPIHTTPError(response.status, response.statusText, flatHeaders(response), response.body.toString('utf8'));
    const result = resultOf(response, unread);
    this.logMetadata(result);
    if ((!result.ok && headerOf(response, 'content-type') !== 'application/gzip') || result.ok === false) throw new WebAPIPlatformError(result as WebAPICallResult & { error: string });
    return result as R;
  }

  private urlOf(method: string): URL {
    let url = this.urls.get(method);
    if (!url) {
      url = new URL(`${this.apiUrl}${method}`);
      this.urls.set(method, url);
    }
    return url;
  }

  /** As `WebClient.apiCall`: warnings, and `[ERROR]`/`[WARN]` messages, from the reply's metadata. */
  private logMetadata(result: WebAPICallResult): void {
    const metadata = result.response_metadata;
    for (const warning of metadata?.warnings ?? []) this.logger.warn(warning);
    for (const message of metadata?.messages ?? []) {
      const error = /\[ERROR\](.*)/.exec(message);
      if (error) this.logger.error(error[1]!.trim());
      else {
        const warning = /\[WARN\](.*)/.exec(message);
        if (warning) this.logger.warn(warning[1]!.trim());
      }
    }
  }
}

/**
 * `WebClient.serializeBody` for bodies without binary data: the SDK's `querystring.stringify`
 * of the fields, written out. encodeURIComponent escapes exactly the characters
 * `querystring.escape` does (all but A-Z a-z 0-9 - _ . ! ~ * ' ( )), in native code: a
 * message's blocks are KB of JSON, and escaping them in JS cost more than building them.
 */
function formBody(args: WebApiArgs): string {
  let body = '';
  for (const key in args) {
    if (!Object.hasOwn(args, key)) continue;
    const value = args[key];
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'boolean' ? String(value) : JSON.stringify(value);
    body += `${body === '' ? '' : '&'}${encodeURIComponent(key)}=${encodeURIComponent(text)}`;
  }
  return body;
}

function headerOf(response: RawResponse, name: string): string | null {
  const value = response.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function flatHeaders(response: RawResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) headers[name] = headerOf(response, name) ?? '';
  return headers;
}

function retryAfterOf(response: RawResponse): number | undefined {
  const header = headerOf(response, 'retry-after');
  if (header === null) return undefined;
  const seconds = Number.parseInt(header, 10);
  return Number.isNaN(seconds) ? undefined : seconds;
}

function scopesOf(response: RawResponse, name: string): string[] | undefined {
  const header = headerOf(response, name);
  return header === null ? undefined : header.trim().split(/\s*,\s*/);
}

/** `WebClient.buildResult` for JSON replies: the body, with scopes and Retry-After in `response_metadata`. */
function resultOf(response: RawResponse, unread: string | undefined): WebAPICallResult {
  const text = unread === undefined ? response.body.toString('utf8') : jsonWithoutField(response.body, unread);
  let data: WebAPICallResult;
  try {
    data = JSON.parse(text) as WebAPICallResult;
  } catch {
    data = { ok: false, error: text } as WebAPICallResult;
  }
  const metadata = (data.response_metadata ??= {});
  const scopes = scopesOf(response, 'x-oauth-scopes');
  if (scopes) metadata.scopes = scopes;
  const acceptedScopes = scopesOf(response, 'x-accepted-oauth-scopes');
  if (acceptedScopes) metadata.acceptedScopes = acceptedScopes;
  const retryAfter = retryAfterOf(response);
  if (retryAfter !== undefined) metadata.retryAfter = retryAfter;
  return data;
}
