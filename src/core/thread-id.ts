/**
 * Conversation ids are plain strings, so queues and stores never hold SDK objects:
 *   slack:<team>:<channel>:<thread ts>      e.g. slack:T1:C1:1712.0001
 *   discord:<guild>:<channel>:<thread id>
 *   console:<local session id>
 */
export type Platform = 'slack' | 'discord' | 'console';

export interface ThreadRef {
  platform: Platform;
  workspace: string;
  channel: string;
  thread: string;
}

export function encodeThreadId(ref: ThreadRef): string {
  return `${ref.platform}:${ref.workspace}:${ref.channel}:${ref.thread}`;
}

export function decodeThreadId(id: string): ThreadRef {
  const [platform, workspace, channel, thread, ...rest] = id.split(':');
  if (rest.length > 0 || !workspace || !channel || !thread || (platform !== 'slack' && platform !== 'discord' && platform !== 'console')) {
    throw new Error(`malformed thread id "${id}"`);
  }
  return { platform, workspace, channel, thread };
}

/** The channel part of a thread id: `slack:T1:C1`. */
export function channelKeyOf(ref: Pick<ThreadRef, 'platform' | 'workspace' | 'channel'>): string {
  return `${ref.platform}:${ref.workspace}:${ref.channel}`;
}
