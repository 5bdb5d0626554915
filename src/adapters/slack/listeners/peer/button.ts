import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { UserError } from '../../../../core/errors.ts';
import { decodeThreadId, encodeThreadId } from '../../../../core/thread-id.ts';
import type { PeerActionJob } from '../../../../queue/jobs.ts';
import type { SlackAppDeps } from '../../deps.ts';
import { dispatch } from '../../dispatch.ts';
import { decodePeerValue, PEER_ACTION_ID_PATTERN } from '../../render/peer/buttons.ts';

const STALE = "That button doesn't work any more (it may be from an older message). Start a new session with `/obs-question peer @colleague`.";

function containerString(body: BlockAction, key: string): string | undefined {
  const value: unknown = body.container[key];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * A press on a peer button, in the thread or in the interviewer's DM. Who pressed comes
 * only from `body.user.id` (signed by Slack); the value names the session, or, on the
 * thread's first message, the container's ts does. Whether the presser may act is the
 * worker's call (only the two participants can). The trigger_id rides along as the handle
 * for opening the scorecard form.
 */
export function peerActionJobFrom(body: BlockAction<ButtonAction>, receivedAt: number): PeerActionJob {
  const pressed = body.actions[0];
  const teamId = body.team?.id ?? body.user.team_id;
  const value = decodePeerValue(pressed?.value ?? '');
  const channelId = body.channel?.id ?? containerString(body, 'channel_id');
  if (!pressed || !teamId || !value || !channelId) throw new UserError('stale_button', STALE);
  const rootTs = containerString(body, 'thread_ts') ?? containerString(body, 'message_ts');
  const threadId = value.t ?? (rootTs ? encodeThreadId({ platform: 'slack', workspace: teamId, channel: channelId, thread: rootTs }) : undefined);
  if (!threadId) throw new UserError('stale_button', STALE);
  let thread;
  try {
    thread = decodeThreadId(threadId);
  } catch {
    throw new UserError('stale_button', STALE);
  }
  if (thread.platform !== 'slack' || thread.workspace !== teamId) throw new UserError('stale_button', STALE);
  return {
    kind: 'peer-action',
    platform: 'slack',
    workspaceId: teamId,
    // The session's channel, even for a press in a DM: private notes fall back to it.
    channelId: thread.channel,
    userId: body.user.id,
    dedupeKey: body.trigger_id || `${body.user.id}-${pressed.action_ts}`,
    receivedAt,
    responseUrl: body.response_url,
    threadId,
    action: value.a,
    ...(value.v ? { value: value.v } : {}),
    ...(body.trigger_id ? { handle: body.trigger_id } : {}),
  };
}

export function register(app: App, deps: SlackAppDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: PEER_ACTION_ID_PATTERN }, async ({ body, ack, respond }) => {
    const receivedAt = deps.now();
    await dispatch(
      {
        name: 'action:peer',
        logger: deps.logger,
        fields: { team: body.team?.id, channel: body.channel?.id, user: body.user.id },
        ack: () => ack(),
        replyPrivately: async (text) => {
          await respond({ response_type: 'ephemeral', replace_original: false, text });
        },
      },
      () => deps.producer.enqueue(peerActionJobFrom(body, receivedAt)),
    );
  });
}
