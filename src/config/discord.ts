import { z } from 'zod';
import type { ConfigProblem } from './errors.ts';
import { type Env, rawValue, readVariable } from './variables.ts';

export interface DiscordConfig {
  /** The bot token from the Developer Portal's Bot page (sent as `Authorization: Bot …`). */
  token: string;
  /** The application id (a snowflake), for command registration and interaction webhooks. */
  applicationId: string;
  /**
   * REST base as discord.js's `rest.api` option takes it, without the version (e.g.
   * `http://127.0.0.1:4010/api`); unset means Discord itself. The gateway address comes from
   * `GET /gateway/bot` on this base.
   */
  apiUrl?: string;
  /**
   * DISCORD_MESSAGE_CONTENT: replies typed in a question's thread count as answers. Needs the
   * privileged Message Content intent; without it only the Answer button (a modal) answers.
   */
  messageContent: boolean;
}

/** The variables that mean "this deployment talks to Discord". */
export const DISCORD_CREDENTIAL_VARIABLES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const;

/** True when any Discord credential is set, so a half-configured one fails loudly. */
export function hasDiscordCredentials(env: Env): boolean {
  return DISCORD_CREDENTIAL_VARIABLES.some((name) => rawValue(env, name) !== undefined);
}

/** `http://host:1/api/` and `http://host:1/api/v10` both become `http://host:1/api`. */
export function normaliseDiscordApiUrl(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** Three base64url segments: the bot's id, a timestamp, an HMAC (about 70 characters). */
const token = z.string().regex(/^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/);
const snowflake = z.string().regex(/^\d{15,21}$/);
const httpUrl = z.url({ protocol: /^https?$/ });
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']).transform((value) => ['true', '1', 'yes', 'on'].includes(value));

export function readDiscordConfig(env: Env, problems: ConfigProblem[]): DiscordConfig | undefined {
  const before = problems.length;
  const raw = rawValue(env, 'DISCORD_TOKEN');
  const botPrefixed = raw !== undefined && /^bot\s/i.test(raw);
  const parsedToken = readVariable(
    env,
    {
      name: 'DISCORD_TOKEN',
      schema: token,
      required: true,
      missing: 'is not set. Copy the bot token from your application’s Bot page in the Discord Developer Portal (Reset Token).',
      invalid: botPrefixed
        ? 'starts with "Bot ": set the token alone; the bot adds the prefix itself.'
        : 'does not look like a Discord bot token (three dot-separated parts, about 70 characters). Copy it again from the Bot page of the Developer Portal; a client secret or public key will not work.',
    },
    problems,
  );
  const applicationId = readVariable(
    env,
    {
      name: 'DISCORD_APPLICATION_ID',
      schema: snowflake,
      required: true,
      missing: 'is not set. Copy the Application ID from your application’s General Information page in the Developer Portal.',
      invalid: 'is not an application id (a number of 17 to 20 digits). Copy the Application ID from the General Information page.',
    },
    problems,
  );
  const apiUrl = readVariable(
    env,
    { name: 'DISCORD_API_URL', schema: httpUrl, invalid: 'is not an http(s) URL. Unset it to talk to Discord itself, or set a REST base such as http://127.0.0.1:4010/api.' },
    problems,
  );
  const messageContent = readVariable(
    env,
    { name: 'DISCORD_MESSAGE_CONTENT', schema: flag, fallback: false, invalid: 'must be true or false (default false: answers come through the Answer button only).' },
    problems,
  );
  if (problems.length > before || parsedToken === undefined || applicationId === undefined) return undefined;
  return {
    token: parsedToken,
    applicationId,
    ...(apiUrl === undefined ? {} : { apiUrl: normaliseDiscordApiUrl(apiUrl) }),
    messageContent: messageContent ?? false,
  };
}
