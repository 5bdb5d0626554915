import { z } from 'zod';
import type { ConfigProblem } from './errors.ts';
import { type Env, rawValue, readVariable, type VariableRule } from './variables.ts';

export interface SlackConfig {
  /** Bot User OAuth Token, `xoxb-…`. */
  botToken: string;
  /** Verifies that HTTP requests come from Slack. Unused in Socket Mode, but still required for the bot. */
  signingSecret: string;
  /** App-level token, `xapp-…`; when set the bot connects over Socket Mode instead of HTTP. */
  appToken?: string;
  socketMode: boolean;
  /** Web API base URL, always ending in `/api/` (WebClient's `slackApiUrl`); unset means Slack itself. */
  apiUrl?: string;
}

/** The variables that mean "this deployment talks to Slack". */
export const SLACK_CREDENTIAL_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const;

/**
 * True when any Slack credential is set. Any, not all: a half-configured deployment must
 * fail with a config error naming what is missing, not quietly start the terminal practice.
 */
export function hasSlackCredentials(env: Env): boolean {
  return SLACK_CREDENTIAL_VARIABLES.some((name) => rawValue(env, name) !== undefined);
}

/** WebClient joins method names onto `slackApiUrl`, so it must end in exactly `/api/`. */
export function normaliseSlackApiUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/api') ? `${trimmed}/` : `${trimmed}/api/`;
}

const noWhitespace = (value: string): boolean => !/\s/.test(value);

/** Shortest token accepted: the prefix plus a few characters. Real tokens are 50+ characters. */
export const MIN_TOKEN_LENGTH = 10;
export const MIN_SIGNING_SECRET_LENGTH = 8;

const botToken = z.string().startsWith('xoxb-').min(MIN_TOKEN_LENGTH).refine(noWhitespace);
const appToken = z.string().startsWith('xapp-').min(MIN_TOKEN_LENGTH).refine(noWhitespace);
const signingSecret = z.string().min(MIN_SIGNING_SECRET_LENGTH).refine(noWhitespace);

const WHITESPACE_RULE: VariableRule = {
  holds: noWhitespace,
  message: 'contains a space or a line break. Copy it again as one unbroken string (quotes in a .env file are not needed).',
};

const BOT_TOKEN_PAGE = "your Slack app's OAuth & Permissions page (Bot User OAuth Token)";
const botTokenRules: VariableRule[] = [
  WHITESPACE_RULE,
  {
    holds: (value) => value.startsWith('xoxb-'),
    message: `does not start with xoxb-, so it is not a bot token (a user token xoxp- or an app token xapp- will not work). Copy the Bot User OAuth Token from ${BOT_TOKEN_PAGE}.`,
  },
  {
    holds: (value) => value.length >= MIN_TOKEN_LENGTH,
    message: `starts with xoxb- but is too short to be a bot token (fewer than ${MIN_TOKEN_LENGTH} characters; real ones are over 50). It was probably cut off when copied: copy it again from ${BOT_TOKEN_PAGE}.`,
  },
];

const APP_TOKEN_PAGE = 'Basic Information → App-Level Tokens (with the connections:write scope), or unset it to use HTTP mode';
const appTokenRules: VariableRule[] = [
  WHITESPACE_RULE,
  {
    holds: (value) => value.startsWith('xapp-'),
    message: `does not start with xapp-, so it is not an app-level token. Create one under ${APP_TOKEN_PAGE}.`,
  },
  {
    holds: (value) => value.length >= MIN_TOKEN_LENGTH,
    message: `starts with xapp- but is too short to be an app-level token (fewer than ${MIN_TOKEN_LENGTH} characters). It was probably cut off when copied: copy it again from ${APP_TOKEN_PAGE}.`,
  },
];

const signingSecretRules: VariableRule[] = [
  WHITESPACE_RULE,
  {
    holds: (value) => value.length >= MIN_SIGNING_SECRET_LENGTH,
    message: `is too short to be a signing secret (fewer than ${MIN_SIGNING_SECRET_LENGTH} characters; real ones are 32). Copy the Signing Secret again from your Slack app's Basic Information page.`,
  },
];
const httpUrl = z.url({ protocol: /^https?$/ });

export interface SlackConfigOptions {
  /** The worker only posts messages; it never verifies requests, so it needs no signing secret. */
  requireSigningSecret: boolean;
}

export function readSlackConfig(env: Env, problems: ConfigProblem[], options: SlackConfigOptions): SlackConfig | undefined {
  const before = problems.length;
  const token = readVariable(
    env,
    {
      name: 'SLACK_BOT_TOKEN',
      schema: botToken,
      required: true,
      missing: "is not set. Copy the Bot User OAuth Token (it starts with xoxb-) from your Slack app's OAuth & Permissions page.",
      invalid: `is not a bot token. Copy the Bot User OAuth Token from ${BOT_TOKEN_PAGE}.`,
      rules: botTokenRules,
    },
    problems,
  );
  const secret = readVariable(
    env,
    {
      name: 'SLACK_SIGNING_SECRET',
      schema: signingSecret,
      required: options.requireSigningSecret,
      missing: "is not set. Copy the Signing Secret from your Slack app's Basic Information page (App Credentials).",
      invalid: "does not look like a signing secret. Copy the Signing Secret from your Slack app's Basic Information page.",
      rules: signingSecretRules,
    },
    problems,
  );
  const app = readVariable(
    env,
    {
      name: 'SLACK_APP_TOKEN',
      schema: appToken,
      invalid: `is not an app-level token. Create one under ${APP_TOKEN_PAGE}.`,
      rules: appTokenRules,
    },
    problems,
  );
  const apiUrl = readVariable(
    env,
    {
      name: 'SLACK_API_URL',
      schema: httpUrl,
      invalid: 'is not an http(s) URL. Unset it to talk to Slack itself, or set it to a Web API base such as https://slack.com/api/.',
    },
    problems,
  );
  if (problems.length > before || token === undefined) return undefined;
  return {
    botToken: token,
    signingSecret: secret ?? '',
    ...(app === undefined ? {} : { appToken: app }),
    socketMode: app !== undefined,
    ...(apiUrl === undefined ? {} : { apiUrl: normaliseSlackApiUrl(apiUrl) }),
  };
}
