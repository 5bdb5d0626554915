import type { App, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { UserError } from '../../../../core/errors.ts';
import { decodeThreadId } from '../../../../core/thread-id.ts';
import type { PeerActionJob } from '../../../../queue/jobs.ts';
import type { SlackAppDeps } from '../../deps.ts';
import { dispatch } from '../../dispatch.ts';
import { SCORECARD_CALLBACK_ID } from '../../render/peer/scorecard-modal.ts';

const metadataSchema = z.object({ t: z.string().min(1) });

/** A field of the submitted form: a select's chosen value, or a text input's text. */
function fieldValue(value: { selected_option?: { value?: string } | null; value?: string | null } | undefined): string | undefined {
  return value?.selected_option?.value ?? value?.value ?? undefined;
}

/** The submitted scorecard form → a job; the worker checks the presser is the interviewer. */
export function scorecardJobFrom(body: ViewSubmitAction, receivedAt: number): PeerActionJob {
  const view = body.view;
  let threadId: string;
  try {
    threadId = metadataSchema.parse(JSON.parse(view.private_metadata)).t;
  } catch {
    throw new UserError('stale_form', 'This scorecard form is out of date. Open it again from the session.');
  }
  const thread = decodeThreadId(threadId);
  const form: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const value = fieldValue(actions.value as Parameters<typeof fieldValue>[0]);
    if (value !== undefined) form[blockId] = value;
  }
  return {
    kind: 'peer-action',
    platform: 'slack',
    workspaceId: thread.workspace,
    channelId: thread.channel,
    userId: body.user.id,
    // One submission per opened form: a re-delivery of the same view is the same card.
    dedupeKey: `view-${view.id}`,
    receivedAt,
    threadId,
    action: 'scorecard-submit',
    form,
  };
}

export function register(app: App, deps: SlackAppDeps): void {
  app.view<ViewSubmitAction>(SCORECARD_CALLBACK_ID, async ({ body, ack, client }) => {
    const receivedAt = deps.now();
    await dispatch(
      {
        name: 'view:peer-scorecard',
        logger: deps.logger,
        fields: { team: body.team?.id, user: body.user.id },
        // Closing the modal at once; the card's delivery is confirmed privately by the worker.
        ack: () => ack(),
        replyPrivately: async (text) => {
          await client.chat.postMessage({ channel: body.user.id, text });
        },
      },
      () => deps.producer.enqueue(scorecardJobFrom(body, receivedAt)),
    );
  });
}
