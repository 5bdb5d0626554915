import { z } from 'zod';
import { checkTimeZone } from '../core/schedule/timezone.ts';
import type { ConfigProblem } from './errors.ts';
import { type Env, readVariable } from './variables.ts';

/**
 * Settings for daily questions and for who may change channel settings:
 * - OBS_ADMIN_USERS: user ids (comma-separated) allowed to change settings besides the
 *   workspace's own admins and owners, e.g. the team lead who set the bot up;
 * - OBS_DEFAULT_TIMEZONE: the zone `daily set` uses when none is typed and the channel has
 *   none yet (the installer's zone). Area/City or UTC only: abbreviations and fixed offsets
 *   are refused for the reasons in docs/daily-schedule.md.
 */
export interface DailyConfig {
  adminUserIds: string[];
  defaultTimezone: string;
}

export const DEFAULT_TIMEZONE = 'UTC';

/** Slack user ids (U…, or W… on Enterprise Grid); Discord's numeric snowflakes. */
const USER_ID = /^(?:[UW][A-Z0-9]{2,}|\d{15,21})$/;

const userIds = z.string().transform((value, ctx) => {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0 || !ids.every((id) => USER_ID.test(id))) {
    ctx.addIssue({ code: 'custom', message: 'not a list of user ids' });
    return z.NEVER;
  }
  return [...new Set(ids)];
});

const timezone = z.string().transform((value, ctx) => {
  const check = checkTimeZone(value);
  if (check.kind !== 'zone') {
    ctx.addIssue({ code: 'custom', message: 'not an Area/City timezone' });
    return z.NEVER;
  }
  return check.zone;
});

export function readDailyConfig(env: Env, problems: ConfigProblem[]): DailyConfig {
  const admins = readVariable(
    env,
    {
      name: 'OBS_ADMIN_USERS',
      schema: userIds,
      fallback: [],
      invalid: 'must be a comma-separated list of user ids such as U012AB3CD,U045EF6GH (in Slack: a profile’s ⋮ menu → Copy member ID). Unset it to leave settings to workspace admins and owners.',
    },
    problems,
  );
  const zone = readVariable(
    env,
    {
      name: 'OBS_DEFAULT_TIMEZONE',
      schema: timezone,
      fallback: DEFAULT_TIMEZONE,
      invalid: `must be an IANA Area/City timezone such as Europe/Berlin or America/New_York, or UTC (the default). Abbreviations such as CET and offsets such as UTC+1 are not accepted: they do not follow daylight saving.`,
    },
    problems,
  );
  return { adminUserIds: admins ?? [], defaultTimezone: zone ?? DEFAULT_TIMEZONE };
}
