import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The use cases serve Slack and Discord alike: src/app imports no platform SDK and no
 * adapter, worker or composition root (process wiring lives in src/main). And the Discord
 * worker side never loads discord.js (the gateway client): the sender uses @discordjs/rest.
 */
const SDK = /from\s+['"](@slack\/[^'"]*|discord\.js|@discordjs\/[^'"]*|discord-api-types[^'"]*|bullmq|openai)['"]/;
const WIRING = /from\s+['"][^'"]*\/(adapters|main)\/[^'"]*['"]|from\s+['"][^'"]*\.\.\/workers\//;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : Promise.resolve(entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []))));
  return nested.flat();
}

describe('platform boundaries', () => {
  it('src/app imports no platform SDK, adapter, worker or composition root', async () => {
    const files = await sourceFiles('src/app');
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (SDK.test(text) || WIRING.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
    expect(WIRING.test(`import { runBot } from '../main/run-bot.ts';`)).toBe(true);
    expect(SDK.test(`import { Client } from 'discord.js';`)).toBe(true);
  });

  it('the Discord sender and its renderers never import discord.js (no gateway in workers)', async () => {
    const files = ['src/adapters/discord/sender.ts', 'src/adapters/discord/sender-errors.ts', 'src/adapters/discord/rest.ts', 'src/adapters/discord/message-ref.ts', 'src/adapters/discord/reply-handle.ts', ...(await sourceFiles('src/adapters/discord/render'))];
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toMatch(/from\s+['"]discord\.js['"]/);
  });
});
