import { createDiscordRest } from '../src/adapters/discord/rest.ts';
import { DiscordSender } from '../src/adapters/discord/sender.ts';
import { required, serveBenchWorker } from './worker-child.ts';

/**
 * The interactions worker in its own process for bench/discord.bench.ts, sending through
 * DiscordSender over @discordjs/rest to the local Discord. Prints "ready" once it takes
 * jobs; stops on SIGTERM.
 */
const rest = createDiscordRest({ token: required('BENCH_DISCORD_TOKEN'), apiUrl: required('BENCH_DISCORD_API_URL'), globalRequestsPerSecond: Number(required('BENCH_REST_GLOBAL_PER_SECOND')) });
await serveBenchWorker('discord-worker', (logger) => new DiscordSender({ rest, applicationId: required('BENCH_APPLICATION_ID'), logger }), {
  concurrency: Number(process.env.BENCH_WORKER_CONCURRENCY ?? 16),
});
