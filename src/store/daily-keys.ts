import { paceKey } from './post-pacer.ts';

/**
 * Redis keys for daily questions, under the stores' prefix. Per-channel keys share a hash
 * tag (`{slack:T1:C1}`) so a cluster keeps one channel's keys together for the Lua scripts.
 */
export class DailyKeys {
  constructor(readonly prefix: string) {}

  /** Hash channelKey → schedule JSON: every channel's schedule, enabled or not. */
  schedules(): string {
    return `${this.prefix}:daily:schedules`;
  }

  /** The once-per-local-day claim; `postKey` is the core's `daily:<channelKey>:<date>`. */
  claim(postKey: string): string {
    return `${this.prefix}:${postKey}`;
  }

  /** Hash: what was posted for a channel's local date (thread, question, reveal time). */
  post(channelKey: string, localDate: string): string {
    return `${this.prefix}:daily:post:{${channelKey}}:${localDate}`;
  }

  /** String: the current cycle of asked question ids (JSON array, oldest first). */
  cycle(channelKey: string): string {
    return `${this.prefix}:daily:channel:{${channelKey}}:cycle`;
  }

  /** Hash: `<topic>:covered`, `<topic>:possible`, `<topic>:asked`. */
  topics(channelKey: string): string {
    return `${this.prefix}:daily:channel:{${channelKey}}:topics`;
  }

  /** A day's chosen question (`choice`) and guards for the day's updates (`asked`, `coverage`); short-lived. */
  day(channelKey: string, localDate: string, part: 'choice' | 'asked' | 'coverage'): string {
    return `${this.prefix}:daily:channel:{${channelKey}}:day:${localDate}:${part}`;
  }

  /** Hash localDate → rubric points covered: one person's daily answers in one channel. */
  answers(channelKey: string, userId: string): string {
    return `${this.prefix}:daily:answers:{${channelKey}}:${userId}`;
  }

  /** Set: everyone who has answered a daily question in the channel. */
  answerers(channelKey: string): string {
    return `${this.prefix}:daily:answers:{${channelKey}}`;
  }

  /** Set: the channels where a person has answered daily questions, for `stats`. */
  userChannels(workspaceId: string, userId: string): string {
    return `${this.prefix}:daily:user-channels:${workspaceId}:${userId}`;
  }

  /** Set: people in a workspace who opted in to showing their score and streak. */
  publicStats(workspaceId: string): string {
    return `${this.prefix}:public-stats:${workspaceId}`;
  }

  /**
   * The workspace's posting pace (see WorkspacePacer): the same key as the interactions
   * worker's (paceKey), so daily posts and replies share one workspace budget.
   */
  pace(workspaceId: string): string {
    return paceKey(this.prefix, workspaceId);
  }
}
