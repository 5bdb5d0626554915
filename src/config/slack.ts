import { z } from 'zod';
import type { ConfigProblem } from './errors.ts';
import { type Env, rawValue, readVariable } from './variables.ts';

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

const botToken = z.string().startsWith('xoxb-').min(10).refine(noWhitespace);
const appToken = z.string().startsWith('xapp-').min(10).refine(noWhitespace);
const signingSecret = z.string().min(8).refine(noWhitespace);
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
      invalid: "is not a bot token. It must start with xoxb- (a user token xoxp- or an app token xapp- will not work); copy the Bot User OAuth Token from your Slack app's OAuth & Permissions page.",
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
      invalid: "does not look like a signing secret (at least 8 characters, no spaces). Copy the Signing Secret from your Slack app's Basic Information page.",
    },
    problems,
  );
  const app = readVariable(
    env,
    {
      name: 'SLACK_APP_TOKEN',
      schema: appToken,
      invalid: "is not an app-level token. It must start with xapp-; create one with the connections:write scope under Basic Information → App-Level Tokens, or unset it to use HTTP mode.",
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
