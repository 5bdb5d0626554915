import { createHmac } from 'node:crypto';

/**
 * Signed requests exactly as Slack sends them: HMAC-SHA256 of `v0:{timestamp}:{body}` with
 * the signing secret, in `X-Slack-Signature`, and the timestamp in seconds.
 */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature; `null` sends none. */
  signature?: string | null;
  /** Signs this body but sends `body`, to simulate tampering in transit. */
  signedBody?: string;
  retryNum?: number;
}

export interface SlackResponse {
  status: number;
  body: string;
  ms: number;
}

export class SlackHttp {
  constructor(
    readonly url: string,
    readonly secret: string,
  ) {}

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp) };
    const signature = options.signature === undefined ? slackSignature(this.secret, timestamp, options.signedBody ?? body) : options.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const started = performance.now();
    const response = await fetch(this.url, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text, ms: performance.now() - started };
  }

  command(fields: SlashCommandFields, options?: SendOptions): Promise<SlackResponse> {
    const params = new URLSearchParams({
      token: 'legacy-verification-token',
      command: '/obs-question',
      team_domain: 'example',
      channel_name: 'practice',
      user_name: 'ana',
      api_app_id: 'A1',
      ...fields,
    });
    return this.send(params.toString(), 'application/x-www-form-urlencoded', options);
  }

  event(envelope: Record<string, unknown>, options?: SendOptions): Promise<SlackResponse> {
    return this.send(JSON.stringify(envelope), 'application/json', options);
  }

  action(payload: Record<string, unknown>, options?: SendOptions): Promise<SlackResponse> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }
}

export interface SlashCommandFields {
  text: string;
  team_id: string;
  channel_id: string;
  user_id: string;
  trigger_id: string;
  response_url: string;
}

/** An Events API envelope around a message event. */
export function messageEnvelope(teamId: string, eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true }],
    event: { type: 'message', channel_type: 'channel', event_ts: event.ts, ...event },
  };
}

export interface ButtonPress {
  teamId: string;
  channelId: string;
  userId: string;
  actionId: string;
  value: string;
  triggerId: string;
  responseUrl: string;
  messageTs: string;
  threadTs?: string;
}

/** A block_actions payload for a button on a bot message. */
export function buttonPayload(press: ButtonPress): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: press.teamId, domain: 'example' },
    user: { id: press.userId, username: 'someone', team_id: press.teamId },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: press.messageTs, channel_id: press.channelId, is_ephemeral: false, ...(press.threadTs ? { thread_ts: press.threadTs } : {}) },
    trigger_id: press.triggerId,
    channel: { id: press.channelId, name: 'practice' },
    message: { type: 'message', user: 'UBOT', ts: press.messageTs, text: 'question' },
    response_url: press.responseUrl,
    actions: [{ type: 'button', action_id: press.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: press.value, action_ts: `${Date.now() / 1000}` }],
  };
}

/** A view_submission payload for a modal the stand-in opened, with the chosen values by block id. */
export function viewSubmissionPayload(input: { teamId: string; userId: string; viewId: string; view: Record<string, unknown>; values: Record<string, string> }): Record<string, unknown> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [blockId, value] of Object.entries(input.values)) {
    state[blockId] = { value: blockId === 'notes' ? { type: 'plain_text_input', value } : { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } } };
  }
  return {
    type: 'view_submission',
    team: { id: input.teamId, domain: 'example' },
    user: { id: input.userId, username: 'someone', team_id: input.teamId },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: `trig.view.${input.viewId}`,
    view: { ...input.view, id: input.viewId, team_id: input.teamId, type: 'modal', state: { values: state }, hash: 'h1', app_id: 'A1', bot_id: 'BBOT' },
  };
}
