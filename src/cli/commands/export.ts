import { UserError } from '../../core/errors.ts';
import { describeRedisUrl } from '../../infra/redis.ts';
import { QUEUE_PREFIX, storePrefixOf } from '../../queue/names.ts';
import { UserDataStore } from '../../store/user-data-store.ts';
import { parseCliArgs } from '../args.ts';
import { cliRedisTarget } from '../redis-target.ts';
import { closeQuietly, connectIfAnswering } from '../optional-redis.ts';
import type { CliCommand } from '../types.ts';

const USAGE = 'obs-bot export --user ID [--platform slack|discord]';
/** Slack (U0123ABC, W…) and Discord (snowflake) ids: letters and digits, nothing a key pattern could misread. */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A person at a terminal waits a little longer than a probe, but never hangs on a Redis that is down. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * `obs-bot export --user ID`: prints, as JSON on stdout, everything the bot stores about one
 * person on one platform (their history, self-assessments, daily answers and streak entries,
 * peer records, public-stats opt-ins, and their own answers in sessions). The same search as
 * `/obs-question forget-me`, read instead of deleted. Reads REDIS_URL, REDIS_CLUSTER_NODES and OBS_QUEUE_PREFIX.
 */
export const exportCommand: CliCommand = {
  path: ['export'],
  summary: 'Print everything stored about one person as JSON (REDIS_URL, OBS_QUEUE_PREFIX)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCliArgs(args, { user: { type: 'string' }, platform: { type: 'string', default: 'slack' } }, USAGE);
    const userId = values.user?.trim();
    if (!userId) throw new UserError('bad_arguments', `--user is required: the person's Slack or Discord user id.\nusage: ${USAGE}`);
    if (!USER_ID.test(userId)) throw new UserError('bad_arguments', `--user must be a platform user id (letters and digits, e.g. U0123ABCD or 950000000000000001).\nusage: ${USAGE}`);
    const platform = values.platform;
    if (platform !== 'slack' && platform !== 'discord') throw new UserError('bad_arguments', `--platform must be slack or discord.\nusage: ${USAGE}`);
    const target = cliRedisTarget(process.env, true)!;
    const connected = await connectIfAnswering(target, CONNECT_TIMEOUT_MS);
    if (!connected.ok) throw new UserError('redis_unreachable', `Redis at ${describeRedisUrl(target)} does not answer (${connected.reason}); set REDIS_URL (and REDIS_CLUSTER_NODES for a cluster) to the bot's Redis.`);
    try {
      const exported = await new UserDataStore(connected.redis, storePrefixOf(QUEUE_PREFIX)).export(platform, userId);
      io.stdout(`${JSON.stringify(exported, null, 2)}\n`);
      return 0;
    } finally {
      await closeQuietly(connected.redis);
    }
  },
};
