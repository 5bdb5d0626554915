import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { DiscordStub } from './stubs/discord-api.ts';
import { CHANNEL, DISCORD_TOKEN, GUILD, STUB_GUILD } from './stubs/discord-harness.ts';
import { chatInput } from './stubs/discord-payloads.ts';

/**
 * `obs-bot bot` as an operator runs it, configured for Discord alone: it reads the topics
 * from content/, logs in through GET /gateway/bot, answers an interaction, and stops
 * cleanly on SIGTERM, with the token in no output. Spawned asynchronously: the local
 * Discord lives in this process and must keep answering.
 */
let stub: DiscordStub;

beforeAll(async () => {
  stub = await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] });
});

afterAll(async () => {
  await stub?.close();
});

describe('obs-bot bot with Discord configured', () => {
  it('connects, answers within the deadline, and drains on SIGTERM without printing the token', async () => {
    const child = spawn(process.execPath, [path.resolve('bin/obs-bot.mjs'), 'bot'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: '900000000000000001',
        DISCORD_API_URL: stub.apiUrl,
        REDIS_URL: testRedisUrl(),
        OBS_QUEUE_PREFIX: uniquePrefix('cli-bot'),
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await stub.waitFor(() => stdout.includes('obs-bot bot running'), 15_000, 'the bot to start');
      expect(stdout).toContain('Discord gateway');
      expect(stub.identifies.at(-1)?.intents).toBe(1);
      const topics = chatInput({ guildId: GUILD, channelId: CHANNEL, userId: '950000000000000001' }, ['topics']);
      stub.dispatch('INTERACTION_CREATE', topics);
      await stub.waitFor(() => stub.callbacksFor(topics.id).length > 0, 5_000, 'the deferral');
      expect((stub.callbacksFor(topics.id)[0]?.body as { type: number }).type).toBe(5);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout + stderr).not.toContain(DISCORD_TOKEN);
    expect(stderr).toContain('bot stopped');
  });
});
