import type { AppConfig } from '../../src/config/index.ts';
import type { Question } from '../../src/core/content/schema.ts';
import { QuestionBank } from '../../src/core/content/question-bank.ts';
import { createLogger, type LogLevel } from '../../src/infra/logger.ts';
import { runBot, type RunningBot } from '../../src/main/run-bot.ts';
import { runWorker, type RunningWorker } from '../../src/main/run-worker.ts';
import { createInteractionProducer } from '../../src/queue/producers.ts';
import { samplePacing, sampleQuestion } from '../fixtures/sample-question.ts';
import { SlackApiStub } from '../stubs/slack-api.ts';
import { testRedisUrl, uniquePrefix } from './redis.ts';
import { SlackHttp } from './slack-http.ts';

/**
 * The real Slack side end to end, as production wires it: the Web API stand-in, a worker and
 * the HTTP-mode bot on a free port, and a signer for requests to /slack/events. Shared by the
 * tests that drive Slack through signed HTTP requests.
 */
export interface SlackStack {
  stub: SlackApiStub;
  prefix: string;
  config: AppConfig;
  worker: RunningWorker;
  bot: RunningBot;
  http: SlackHttp;
  /** Bot first (no new jobs), then the worker, then the stand-in. */
  close(): Promise<void>;
}

export interface SlackStackOptions {
  name: string;
  botToken: string;
  signingSecret: string;
  logLevel: LogLevel;
  questions?: Question[];
  /** The worker's environment (LLM and peer settings); empty by default. */
  env?: NodeJS.ProcessEnv;
}

export async function startSlackStack(options: SlackStackOptions): Promise<SlackStack> {
  const stub = await SlackApiStub.start({ token: options.botToken });
  const prefix = uniquePrefix(options.name);
  const config: AppConfig = {
    slack: { botToken: options.botToken, signingSecret: options.signingSecret, socketMode: false, apiUrl: stub.apiUrl },
    port: 0,
    redisUrl: testRedisUrl(),
    sessionTtlDays: 30,
    contentDir: 'content',
    logLevel: options.logLevel,
  };
  const logger = createLogger({ test: options.name }, options.logLevel);
  const bank = new QuestionBank(options.questions ?? [sampleQuestion], samplePacing);
  const worker = await runWorker(config, { prefix, bank, env: options.env ?? {}, logger });
  const bot = await runBot(config, { producer: createInteractionProducer(config.redisUrl, { prefix }), listen: { port: 0, host: '127.0.0.1' }, logger });
  const http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, options.signingSecret);
  return {
    stub,
    prefix,
    config,
    worker,
    bot,
    http,
    async close() {
      await bot.close();
      await worker.close();
      await stub.close();
    },
  };
}
