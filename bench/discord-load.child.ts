import { DiscordStub, snowflake } from '../test/stubs/discord-api.ts';
import { DISCORD_TOKEN, GUILD, STUB_GUILD } from '../test/stubs/discord-harness.ts';
import { chatInput } from '../test/stubs/discord-payloads.ts';
import { summarize } from './stats.ts';

/**
 * The local Discord and the load generator for bench/discord.bench.ts, in their own process
 * as Discord is remote in production: the bot's process then spends its CPU on the bot only.
 * Both timestamps of every measurement (dispatch sent, callback or post received) are taken
 * here, on one clock. Driven over IPC: {run: {rate, seconds}} → {result}; prints "ready <apiUrl>".
 */
interface PhaseRequest {
  rate: number;
  seconds: number;
  drainMs: number;
}

const stub = await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] });
stub.keepMessages = false;

async function runPhase({ rate, seconds, drainMs }: PhaseRequest): Promise<Record<string, unknown>> {
  const total = Math.round(rate * seconds);
  const dispatchedAt = new Map<string, number>();
  const channelOf = new Map<string, string>();
  const replies: number[] = [];
  const messages: number[] = [];
  stub.onCall = (call) => {
    const now = performance.now();
    const callback = /^\/interactions\/(\d+)\//.exec(call.path);
    if (callback && call.method === 'POST') {
      const at = dispatchedAt.get(callback[1] as string);
      if (at !== undefined) replies.push(now - at);
      return;
    }
    const posted = /^\/channels\/(\d+)\/messages$/.exec(call.path);
    if (posted && call.method === 'POST') {
      const id = channelOf.get(posted[1] as string);
      const at = id ? dispatchedAt.get(id) : undefined;
      if (id && at !== undefined) {
        messages.push(now - at);
        channelOf.delete(posted[1] as string);
      }
    }
  };
  const started = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1_000) / rate;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // One channel per interaction, so each question is recognisable when it is posted.
    const channel = snowflake();
    const interaction = chatInput({ guildId: GUILD, channelId: channel, userId: snowflake() }, ['ask']);
    channelOf.set(channel, interaction.id);
    dispatchedAt.set(interaction.id, performance.now());
    stub.dispatch('INTERACTION_CREATE', interaction);
  }
  const sendingMs = performance.now() - started;
  const deadline = Date.now() + drainMs;
  while ((replies.length < total || messages.length < total) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  stub.onCall = undefined;
  return { rate, sent: total, achievedRate: (total / sendingMs) * 1_000, reply: summarize(replies), message: summarize(messages), replied: replies.length, delivered: messages.length };
}

process.on('message', (message: { run?: PhaseRequest; stop?: boolean }) => {
  if (message.stop) {
    void stub.close().finally(() => process.exit(0));
    return;
  }
  if (message.run) void runPhase(message.run).then((result) => process.send?.({ result }));
});
process.stdout.write(`ready ${stub.apiUrl}\n`);
