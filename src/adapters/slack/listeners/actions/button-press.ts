import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { UserError } from '../../../../core/errors.ts';
import { decodeThreadId, encodeThreadId } from '../../../../core/thread-id.ts';
import type { ActionJob, ActionName } from '../../../../queue/jobs.ts';
import type { SlackAppDeps } from '../../deps.ts';
import { dispatch } from '../../dispatch.ts';
import { ACTION_IDS, decodeButtonValue } from '../../render/buttons.ts';

const STALE_BUTTON = "That button doesn't work any more (it may be from an older message). Start a new one with `/obs-question`.";

function containerString(body: BlockAction, key: string): string | undefined {
  const value: unknown = body.container[key];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Turns a button press into a job. Who pressed comes only from `body.user.id`, which Slack
 * signs; the button's value only says which session it belongs to. A button on the
 * message that started a thread cannot carry its own ts, so the container supplies it.
 */
export function actionJobFrom(body: BlockAction<ButtonAction>, action: ActionName, receivedAt: number): ActionJob {
  const pressed = body.actions[0];
  const teamId = body.team?.id ?? body.user.team_id;
  const channelId = body.channel?.id ?? containerString(body, 'channel_id');
  const value = decodeButtonValue(pressed?.value ?? '');
  if (!pressed || !teamId || !channelId || !value || value.action !== action) throw new UserError('stale_button', STALE_BUTTON);
  const rootTs = containerString(body, 'thread_ts') ?? containerString(body, 'message_ts');
  const threadId = value.threadId ?? (rootTs ? encodeThreadId({ platform: 'slack', workspace: teamId, channel: channelId, thread: rootTs }) : undefined);
  if (!threadId) throw new UserError('stale_button', STALE_BUTTON);
  let thread;
  try {
    thread = decodeThreadId(threadId);
  } catch {
    throw new UserError('stale_button', STALE_BUTTON);
  }
  // A button acts on a session in the channel it was pressed in, nowhere else.
  if (thread.platform !== 'slack' || thread.channel !== channelId) throw new UserError('stale_button', STALE_BUTTON);
  return {
    kind: 'action',
    platform: 'slack',
    workspaceId: thread.workspace,
    channelId,
    userId: body.user.id,
    // Unique per press, so a double click is two presses but a re-delivery is one.
    dedupeKey: body.trigger_id || `${body.user.id}-${pressed.action_ts}`,
    receivedAt,
    responseUrl: body.response_url,
    threadId,
    action,
  };
}

/** Registers the listener for one button; each button's own file calls this. */
export function registerButton(app: App, deps: SlackAppDeps, action: ActionName): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: ACTION_IDS[action] }, async ({ body, ack, respond }) => {
    const receivedAt = deps.now();
    await dispatch(
      {
        name: `action:${action}`,
        logger: deps.logger,
        fields: { team: body.team?.id, channel: body.channel?.id, user: body.user.id },
        ack: () => ack(),
        replyPrivately: async (text) => {
          await respond({ response_type: 'ephemeral', replace_original: false, text });
        },
      },
      () => deps.producer.enqueue(actionJobFrom(body, action, receivedAt)),
    );
  });
}
