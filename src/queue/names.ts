/** Queue names, in one place so producers and workers cannot drift apart. */
export const QUEUE_PREFIX = process.env.OBS_QUEUE_PREFIX ?? 'obs';
export const INTERACTIONS_QUEUE = 'interactions';
export const DAILY_QUEUE = 'daily';
/** Weekly pairing rounds of the peer-practice pools (one job scheduler per channel). */
export const PAIR_QUEUE = 'pair';
