import type { RedisConnection } from '../infra/redis.ts';
import type { ScorerName } from '../core/scoring/types.ts';

/**
 * Which scorer a workspace, or one channel in it, has chosen (`/obs-question scoring
 * llm|keyword`). One Redis hash per workspace: field `workspace` for the workspace's choice
 * and `channel:<id>` for each channel override, so one HMGET answers a lookup.
 */
export type ScorerChoice = ScorerName;

export interface ScorerScope {
  workspaceId: string;
  /** When set, `set`/`clear` act on this channel only; `get` prefers it over the workspace. */
  channelId?: string;
}

/** What the resolver needs; lets tests and the terminal pass a fixed choice. */
export interface ScorerChoiceReader {
  get(scope: ScorerScope): Promise<ScorerChoice | undefined>;
}

const WORKSPACE_FIELD = 'workspace';

function isChoice(value: string | null | undefined): value is ScorerChoice {
  return value === 'llm' || value === 'keyword';
}

export class ScorerSettingsStore implements ScorerChoiceReader {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  private key(workspaceId: string): string {
    return `${this.prefix}:scoring:choice:${workspaceId}`;
  }

  private field(scope: ScorerScope): string {
    return scope.channelId ? `channel:${scope.channelId}` : WORKSPACE_FIELD;
  }

  async set(scope: ScorerScope, choice: ScorerChoice): Promise<void> {
    await this.redis.hset(this.key(scope.workspaceId), this.field(scope), choice);
  }

  /** Removes the channel's override (or the workspace's choice), falling back to the level above. */
  async clear(scope: ScorerScope): Promise<void> {
    await this.redis.hdel(this.key(scope.workspaceId), this.field(scope));
  }

  /** The channel's override, else the workspace's choice, else undefined (use the default). */
  async get(scope: ScorerScope): Promise<ScorerChoice | undefined> {
    const fields = scope.channelId ? [`channel:${scope.channelId}`, WORKSPACE_FIELD] : [WORKSPACE_FIELD];
    const values = await this.redis.hmget(this.key(scope.workspaceId), ...fields);
    return values.find(isChoice);
  }
}
