import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, type CustomRoute } from '@slack/bolt';
import type { AppConfig, SlackConfig } from '../../config/index.ts';
import { ConfigError } from '../../config/errors.ts';
import { HEALTH_PATH, METRICS_PATH, READY_PATH, serveHealth, serveMetrics, serveReadiness, type ReadinessCheck } from '../../infra/health.ts';
import { logger as rootLogger, type Logger, type LogLevel as OurLevel } from '../../infra/logger.ts';
import { DEFAULT_STARTUP_RETRIES, PlatformUnreachableError, retryStartup } from '../../infra/startup.ts';
import type { InteractionProducer } from '../../queue/producers.ts';
import { createBoltLogger } from './bolt-logger.ts';
import type { SlackAppDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';

export const EVENTS_PATH = '/slack/events';
export { HEALTH_PATH, METRICS_PATH, READY_PATH } from '../../infra/health.ts';

export type SlackAppConfig = Pick<AppConfig, 'slack' | 'port' | 'logLevel' | 'startupRetries'>;

export interface CreateSlackAppDeps {
  producer: Pick<InteractionProducer, 'enqueue'>;
  logger?: Logger;
  now?: () => number;
  /** What /readyz checks (Redis, the platforms); read at each request, so it may be filled in later. */
  readiness?: readonly ReadinessCheck[];
}

export interface ListenOptions {
  /** Defaults to the configured PORT; 0 picks a free one. */
  port?: number;
  /** Defaults to every interface; tests pass 127.0.0.1. */
  host?: string;
}

export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  /**
   * Verifies the bot token (one auth.test), then listens on HTTP or connects over Socket Mode.
   * The port is the one bound: for /slack/events in HTTP mode, for the ops routes in Socket Mode.
   */
  start(listen?: ListenOptions): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** Started, and in Socket Mode holding an open connection: for /readyz. */
  isConnected(): boolean;
}

const BOLT_LEVEL: Record<OurLevel, LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };
/** apps.connections.open while reconnecting: 1 s, 1.5 s, … up to 30 s apart, 120 tries (about an hour). */
const SOCKET_OPEN_RETRIES = { retries: 120, factor: 1.5, minTimeout: 1_000, maxTimeout: 30_000 };
const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** /healthz, /readyz and /metrics on the bot's port, in HTTP and Socket Mode alike. */
function opsRoutes(checks: () => readonly ReadinessCheck[]): CustomRoute[] {
  return [
    { path: HEALTH_PATH, method: ['GET'], handler: serveHealth },
    { path: READY_PATH, method: ['GET'], handler: (_req, res) => void serveReadiness(res, checks()) },
    { path: METRICS_PATH, method: ['GET'], handler: (_req, res) => void serveMetrics(res) },
  ];
}

/** The Socket Mode client's connection state, from its own events ('connected', 'disconnected', …). */
function trackSocketState(app: App): () => boolean {
  const client = (app as unknown as { receiver?: { client?: { on?: (event: string, listener: () => void) => void } } }).receiver?.client;
  if (typeof client?.on !== 'function') return () => true;
  let connected = false;
  client.on('connected', () => (connected = true));
  // 'close' too: after Slack's `disconnect` the client waits (5 s) before 'reconnecting', and
  // in that gap no event can reach us, so the bot is not ready.
  for (const event of ['close', 'reconnecting', 'disconnecting', 'disconnected']) client.on(event, () => (connected = false));
  return () => connected;
}

/**
 * In Socket Mode the receiver's own HTTP server carries /healthz, /readyz and /metrics; its
 * port, once listening, so PORT=0 (tests, several bots on one host) can still be found.
 */
async function socketModeHealthPort(app: App): Promise<number | undefined> {
  const server = (app as unknown as { receiver?: { httpServer?: Server } }).receiver?.httpServer;
  if (!server) return undefined;
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return (server.address() as AddressInfo | null)?.port;
}

/** The Slack error code when Slack answered and refused the token; undefined otherwise. */
function rejectedTokenCode(error: unknown): string | undefined {
  const slackError = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof slackError === 'string' && REJECTED_TOKEN.has(slackError) ? slackError : undefined;
}

/**
 * auth.test at start-up. A refused token is a config problem, found before the first user
 * is, and not retried. Anything else (Slack unreachable, 5xx) is retried with backoff, then
 * reported as PlatformUnreachableError: a start-up failure with its own exit code, not a bug.
 */
async function verifyToken(app: App, slack: SlackConfig, retries: number | undefined, logger: Logger): Promise<void> {
  const target = slack.apiUrl ?? 'https://slack.com/api/';
  try {
    await retryStartup('verifying the Slack bot token (auth.test)', () => app.init(), {
      retries: retries ?? DEFAULT_STARTUP_RETRIES,
      logger,
      isPermanent: (error) => rejectedTokenCode(error) !== undefined,
      giveUp: (error, attempts) => new PlatformUnreachableError('Slack', target, attempts, error, slack.apiUrl ? ' and that SLACK_API_URL is right' : ''),
    });
  } catch (error) {
    const code = rejectedTokenCode(error);
    if (code === undefined) throw error;
    throw new ConfigError([
      { variable: 'SLACK_BOT_TOKEN', message: `was rejected by Slack (${code}). Copy the Bot User OAuth Token again from OAuth & Permissions, and reinstall the app if it was revoked.` },
    ]);
  }
}

/**
 * The Bolt app: verifies Slack's signatures (HTTP) or holds the Socket Mode connection,
 * acks every request at once and enqueues the work. It makes no Web API call before an
 * ack: the bot identity comes from one auth.test at start-up, cached by Bolt.
 */
export function createSlackApp(config: SlackAppConfig, deps: CreateSlackAppDeps): SlackApp {
  const logger = deps.logger ?? rootLogger.child({ component: 'slack' });
  const listenerDeps: SlackAppDeps = { producer: deps.producer, logger, now: deps.now ?? Date.now };
  const { slack } = config;
  if (!slack) throw new ConfigError([{ variable: 'SLACK_BOT_TOKEN', message: 'is not set, so the Slack side cannot start.' }]);
  const apiUrlOption = slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {};
  const app = new App({
    token: slack.botToken,
    // Initialised in start(), so a bad token is reported there instead of as an unhandled rejection.
    deferInitialization: true,
    logger: createBoltLogger(logger.child({ component: 'bolt' }), config.logLevel),
    logLevel: BOLT_LEVEL[config.logLevel],
    // Bolt's in-memory conversation store is per process and unused: sessions live in Redis.
    convoStore: false,
    clientOptions: {
      ...apiUrlOption,
      // Only start-up and the rare "try again" reply use this client; neither should hang.
      timeout: 5_000,
      retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
    },
    customRoutes: opsRoutes(() => deps.readiness ?? []),
    ...(slack.socketMode && slack.appToken
      ? // In Socket Mode the port only serves the health check.
        {
          socketMode: true,
          appToken: slack.appToken,
          port: config.port,
          // The Socket Mode client's own WebClient (apps.connections.open). Without this it
          // would share the two quick retries above: a Slack outage of a few seconds during
          // one of Slack's routine reconnects would then end in an unhandled rejection
          // instead of a reconnect. Retried with backoff up to 30 s apart, for about an hour.
          installerOptions: { clientOptions: { ...apiUrlOption, timeout: 5_000, retryConfig: SOCKET_OPEN_RETRIES } },
        }
      : {
          signingSecret: slack.signingSecret,
          endpoints: EVENTS_PATH,
          // Ack first, work after: the HTTP response must not wait for the enqueue.
          processBeforeResponse: false,
        }),
  });

  // Listener errors never get here (dispatch handles them); this is for Bolt's own
  // failures such as authorisation. Ids and codes only: Bolt would log whole payloads.
  app.error(async (error) => {
    logger.error('bolt error', { error: { name: error.name, code: error.code, message: error.message } });
  });
  registerListeners(app, listenerDeps);
  const socketConnected = slack.socketMode ? trackSocketState(app) : () => true;

  let started = false;
  return {
    app,
    mode: slack.socketMode ? 'socket' : 'http',
    async start(listen = {}) {
      await verifyToken(app, slack, config.startupRetries, logger);
      if (slack.socketMode) {
        await app.start();
        started = true;
        const port = await socketModeHealthPort(app);
        logger.info('connected to Slack over Socket Mode', { port });
        return port === undefined ? {} : { port };
      }
      const port = listen.port ?? config.port;
      const server = (await app.start(listen.host ? { port, host: listen.host } : port)) as Server;
      started = true;
      const bound = (server.address() as AddressInfo | null)?.port;
      logger.info('listening for Slack', { port: bound, path: EVENTS_PATH });
      return { port: bound };
    },
    isConnected: () => started && socketConnected(),
    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
    },
  };
}
