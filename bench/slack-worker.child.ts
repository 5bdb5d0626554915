import { SlackSender } from '../src/adapters/slack/sender.ts';
import { required, serveBenchWorker } from './worker-child.ts';

/**
 * The interactions worker in its own process for bench/slack-commands.bench.ts. Configured
 * through the environment by the bench; prints "ready" once it takes jobs and stops
 * cleanly on SIGTERM.
 */
const apiUrl = required('BENCH_SLACK_API_URL');
await serveBenchWorker('slack-worker', (logger) => new SlackSender({ token: required('BENCH_BOT_TOKEN'), slackApiUrl: apiUrl, responseUrlOrigins: [new URL(apiUrl).origin], logger }));
