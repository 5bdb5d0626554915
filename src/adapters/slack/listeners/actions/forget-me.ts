import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { UserError } from '../../../../core/errors.ts';
import type { CommandJob } from '../../../../queue/jobs.ts';
import { FORGET_ME_CANCELLED } from '../../../shared/forget-me-text.ts';
import type { SlackAppDeps } from '../../deps.ts';
import { dispatch } from '../../dispatch.ts';
import { FORGET_ME_ACTION_IDS } from '../../render/forget-me.ts';

const STALE = "That button doesn't work any more. Run `/obs-question forget-me` again.";

/**
 * "Delete my data" on the `forget-me` confirmation: the same job as typing
 * `forget-me confirm`, for the presser (`body.user.id`, which Slack signs) and answered
 * through the press's response_url. Unique per press, so a re-delivery deletes once.
 */
export function forgetMeJobFrom(body: BlockAction<ButtonAction>, receivedAt: number): CommandJob {
  const teamId = body.team?.id ?? body.user.team_id;
  const channelValue: unknown = body.channel?.id ?? body.container.channel_id;
  const channelId = typeof channelValue === 'string' ? channelValue : undefined;
  const pressed = body.actions[0];
  if (!teamId || !channelId || !pressed) throw new UserError('stale_button', STALE);
  return {
    kind: 'command',
    platform: 'slack',
    workspaceId: teamId,
    channelId,
    userId: body.user.id,
    dedupeKey: body.trigger_id || `${body.user.id}-${pressed.action_ts}`,
    receivedAt,
    responseUrl: body.response_url,
    text: 'forget-me confirm',
  };
}

export function register(app: App, deps: SlackAppDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: FORGET_ME_ACTION_IDS.confirm }, async ({ body, ack, respond }) => {
    const receivedAt = deps.now();
    await dispatch(
      {
        name: 'action:forget-me',
        logger: deps.logger,
        fields: { team: body.team?.id, channel: body.channel?.id, user: body.user.id },
        ack: () => ack(),
        replyPrivately: async (text) => {
          await respond({ response_type: 'ephemeral', replace_original: false, text });
        },
      },
      () => deps.producer.enqueue(forgetMeJobFrom(body, receivedAt)),
    );
  });
  // Cancel needs no worker: the confirmation is replaced where it stands.
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: FORGET_ME_ACTION_IDS.cancel }, async ({ body, ack, respond }) => {
    await dispatch(
      {
        name: 'action:forget-me-cancel',
        logger: deps.logger,
        fields: { team: body.team?.id, channel: body.channel?.id, user: body.user.id },
        ack: () => ack(),
        replyPrivately: async (text) => {
          await respond({ response_type: 'ephemeral', replace_original: false, text });
        },
      },
      async () => {
        await respond({ response_type: 'ephemeral', replace_original: true, text: FORGET_ME_CANCELLED });
      },
    );
  });
}
