import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { UserError } from '../../../../core/errors.ts';
import type { ActionJob } from '../../../../queue/jobs.ts';
import type { SlackAppDeps } from '../../deps.ts';
import { dispatch } from '../../dispatch.ts';
import { decodeSelfAssessValue, SELF_ASSESS_PATTERN } from '../../render/self-assess.ts';
import { actionJobFrom } from './button-press.ts';

const STALE = "That rating button doesn't work any more (it may be from an older message). Reveal the key points again to rate yourself.";

/** A Got it / Partly / Missed press: which session comes from the message, the choice from the button's own value. */
export function selfAssessJobFrom(body: BlockAction<ButtonAction>, receivedAt: number): ActionJob {
  const value = decodeSelfAssessValue(body.actions[0]?.value ?? '');
  if (!value) throw new UserError('stale_button', STALE);
  return { ...actionJobFrom(body, 'self-assess', receivedAt), selfAssessment: { questionId: value.q, point: value.p, rating: value.r } };
}

/** Self-assessment after a reveal: one listener for every point's three buttons. */
export function register(app: App, deps: SlackAppDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SELF_ASSESS_PATTERN }, async ({ body, ack, respond }) => {
    const receivedAt = deps.now();
    await dispatch(
      {
        name: 'action:self-assess',
        logger: deps.logger,
        fields: { team: body.team?.id, channel: body.channel?.id, user: body.user.id },
        ack: () => ack(),
        replyPrivately: async (text) => {
          await respond({ response_type: 'ephemeral', replace_original: false, text });
        },
      },
      () => deps.producer.enqueue(selfAssessJobFrom(body, receivedAt)),
    );
  });
}
