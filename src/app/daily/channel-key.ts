import { AppError } from '../../core/errors.ts';
import { channelKeyOf, type Platform } from '../../core/thread-id.ts';

/** A channel as daily questions know it: `slack:T1:C1`, the core's channel key. */
export interface ChannelRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

export function channelKeyFor(ref: ChannelRef): string {
  return channelKeyOf({ platform: ref.platform, workspace: ref.workspaceId, channel: ref.channelId });
}

export function parseChannelKey(channelKey: string): ChannelRef {
  const [platform, workspaceId, channelId, ...rest] = channelKey.split(':');
  if (rest.length > 0 || !workspaceId || !channelId || (platform !== 'slack' && platform !== 'discord' && platform !== 'console')) {
    throw new AppError('bad_channel_key', `malformed channel key "${channelKey}"`);
  }
  return { platform, workspaceId, channelId };
}
