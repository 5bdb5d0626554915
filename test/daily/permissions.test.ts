import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionDeps } from '../../src/app/interactions/context.ts';
import { requireAdmin } from '../../src/app/interactions/permissions.ts';
import { SlackSender } from '../../src/adapters/slack/sender.ts';
import { ConfigError, loadConfig } from '../../src/config/index.ts';
import { QuestionBank } from '../../src/core/content/question-bank.ts';
import { RateLimitError, UserError } from '../../src/core/errors.ts';
import { createLogger, setLogSink } from '../../src/infra/logger.ts';
import { createStores } from '../../src/store/index.ts';
import { sampleQuestion, samplePacing } from '../fixtures/sample-question.ts';
import { testRedis, uniquePrefix } from '../helpers/redis.ts';
import { SlackApiStub } from '../stubs/slack-api.ts';

const TOKEN = 'xoxb-1111-2222-permissionstest';

let stub: SlackApiStub;
const logs: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
const redis = testRedis();

beforeAll(async () => {
  stub = await SlackApiStub.start({ token: TOKEN });
  restoreSink = setLogSink((line) => logs.push(line));
});

afterAll(async () => {
  setLogSink(restoreSink);
  redis.disconnect();
  await stub.close();
});

function contextWith(adminUserIds: string[] = []) {
  const log = createLogger({ test: 'permissions' }, 'debug');
  const deps: InteractionDeps = {
    sender: new SlackSender({ token: TOKEN, slackApiUrl: stub.apiUrl, logger: log, timeoutMs: 2_000 }),
    stores: createStores(redis, { prefix: uniquePrefix('perm') }),
    bank: new QuestionBank([sampleQuestion], samplePacing),
    resolveScorer: async () => {
      throw new Error('not used');
    },
    scheduleTick: async () => undefined,
    now: () => Date.now(),
    logger: log,
    adminUserIds: new Set(adminUserIds),
  };
  return { deps, platform: 'slack' as const, workspaceId: 'T1', eventKey: 'command:test', log };
}

async function refusal(userId: string, ctx = contextWith()): Promise<UserError> {
  try {
    await requireAdmin({ workspaceId: 'T1', userId }, ctx, 'change this channel’s daily question');
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`expected ${userId} to be refused`);
}

describe('requireAdmin', () => {
  it('lets workspace admins, owners and the primary owner through, as users.info reports them', async () => {
    stub.setUser('UADMIN', { is_admin: true });
    stub.setUser('UOWNER', { is_owner: true });
    stub.setUser('UPRIMARY', { is_primary_owner: true, is_owner: true, is_admin: true });
    for (const userId of ['UADMIN', 'UOWNER', 'UPRIMARY']) {
      await expect(requireAdmin({ workspaceId: 'T1', userId }, contextWith(), 'change settings')).resolves.toBeUndefined();
    }
    expect(stub.callsTo('users.info').map((call) => call.args.user)).toEqual(expect.arrayContaining(['UADMIN', 'UOWNER', 'UPRIMARY']));
  });

  it('refuses an ordinary member politely, with the not_admin code and no stack trace', async () => {
    const error = await refusal('UMEMBER');
    expect(error.code).toBe('not_admin');
    expect(error.message).toMatch(/^Sorry, only workspace admins and owners can change this channel’s daily question\./);
    expect(error.message).not.toMatch(/at .*\.ts/);
  });

  it('refuses a deactivated admin', async () => {
    stub.setUser('UGONE', { is_admin: true, deleted: true });
    expect((await refusal('UGONE')).code).toBe('not_admin');
  });

  it('lets a user listed in config through without asking Slack', async () => {
    const before = stub.callsTo('users.info').length;
    await expect(requireAdmin({ workspaceId: 'T1', userId: 'ULEAD' }, contextWith(['ULEAD']), 'change settings')).resolves.toBeUndefined();
    expect(stub.callsTo('users.info')).toHaveLength(before);
  });

  it('treats a permanent users.info failure (missing_scope) as not an admin, and logs it', async () => {
    stub.setUser('UADMIN2', { is_admin: true });
    stub.script('users.info', { error: 'missing_scope' });
    expect((await refusal('UADMIN2')).code).toBe('not_admin');
    expect(logs.some((line) => line.includes('could not check whether a user is a workspace admin') && line.includes('missing_scope'))).toBe(true);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('lets a rate limit through as a RateLimitError, so the job retries instead of refusing', async () => {
    stub.setUser('UADMIN3', { is_admin: true });
    stub.script('users.info', { retryAfter: 1 });
    await expect(requireAdmin({ workspaceId: 'T1', userId: 'UADMIN3' }, contextWith(), 'change settings')).rejects.toBeInstanceOf(RateLimitError);
  });
});

describe('config: OBS_ADMIN_USERS and OBS_DEFAULT_TIMEZONE', () => {
  const valid = { SLACK_BOT_TOKEN: 'xoxb-1111-2222-configdaily', SLACK_SIGNING_SECRET: 'c0nfigdailysigningsecret' };

  it('reads a comma-separated list of user ids and an Area/City zone', () => {
    const config = loadConfig({ ...valid, OBS_ADMIN_USERS: ' U012AB3CD, W045EF6GH ,U012AB3CD', OBS_DEFAULT_TIMEZONE: 'europe/berlin' });
    expect(config.adminUserIds).toEqual(['U012AB3CD', 'W045EF6GH']);
    expect(config.defaultTimezone).toBe('Europe/Berlin');
  });

  it('defaults to no extra admins and UTC, without adding entries', () => {
    const config = loadConfig(valid);
    expect(config.adminUserIds).toBeUndefined();
    expect(config.defaultTimezone).toBeUndefined();
  });

  it('reports each bad variable once, by name, never quoting the value', () => {
    let error: unknown;
    try {
      loadConfig({ ...valid, OBS_ADMIN_USERS: 'ana@example.com', OBS_DEFAULT_TIMEZONE: 'CET' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.variable)).toEqual(['OBS_ADMIN_USERS', 'OBS_DEFAULT_TIMEZONE']);
    expect((error as ConfigError).message).not.toContain('ana@example.com');
    expect(problems[1]?.message).toMatch(/Area\/City/);
  });
});
