import type { Bench } from './types.ts';

/**
 * Every benchmark, in the order `npm run bench` runs them. Modules load lazily so that
 * `npm run bench -- keyword` doesn't import (or fail on) the others.
 */
export interface BenchEntry {
  name: string;
  load: () => Promise<Bench>;
}

export const BENCHES: readonly BenchEntry[] = [
  { name: 'keyword-scorer', load: async () => (await import('./keyword-scorer.bench.ts')).bench },
  { name: 'slack-commands', load: async () => (await import('./slack-commands.bench.ts')).bench },
  { name: 'discord', load: async () => (await import('./discord.bench.ts')).bench },
  { name: 'daily-fanout', load: async () => (await import('./daily-fanout.bench.ts')).bench },
  { name: 'judge-prompt', load: async () => (await import('./judge-prompt.bench.ts')).bench },
  { name: 'redis-trips', load: async () => (await import('./redis-trips.bench.ts')).bench },
  { name: 'worker-capacity', load: async () => (await import('./worker-capacity.bench.ts')).bench },
  { name: 'pacing', load: async () => (await import('./pacing.bench.ts')).bench },
  { name: 'peer', load: async () => (await import('./peer.bench.ts')).bench },
  { name: 'forget-me', load: async () => (await import('./forget-me.bench.ts')).bench },
  { name: 'soak', load: async () => (await import('./soak.bench.ts')).bench },
];
