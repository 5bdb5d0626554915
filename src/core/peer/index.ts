export * from './session.ts';
export * from './follow-up-menu.ts';
export * from './swap.ts';
export * from './pairing.ts';
export * from './command.ts';
export * from './seeded-random.ts';
export * from './pool.ts';
export { parseDuration, MAX_SNOOZE_MS } from './duration.ts';
