import { PermanentDeliveryError } from '../../core/errors.ts';
import { decodeThreadId } from '../../core/thread-id.ts';
import type { Logger } from '../../infra/logger.ts';
import type { InteractionJob } from '../../queue/jobs.ts';
import { freshProgress, type ChatSender, type MessageContent } from '../ports.ts';

/**
 * Telling a person that something failed, when the normal path is what failed. Tried in
 * order until one works: the response_url (needs no token and no channel membership), an
 * ephemeral note where they are (skipped when the channel itself is the problem), a DM.
 * Best effort and logged: a failure to notify must not hide the original error.
 */
const CHANNEL_PROBLEMS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'user_not_in_channel',
]);

export const GENERIC_FAILURE = 'Something went wrong on my side, so that didn’t work. Please try again in a minute.';

export function deliveryFailureText(error: PermanentDeliveryError): string {
  return error.userHint
    ? `⚠️ I couldn’t post that. ${error.userHint}`
    : `⚠️ Slack refused my message (\`${error.code}\`). Please try again later; an admin can find details in the bot’s logs.`;
}

export async function notifyUser(sender: ChatSender, job: InteractionJob, text: string, key: string, log: Logger, cause?: unknown): Promise<boolean> {
  if (job.kind === 'tick') return false;
  const content: MessageContent = { parts: [{ type: 'text', text }] };
  const channelIsTheProblem = cause instanceof PermanentDeliveryError && CHANNEL_PROBLEMS.has(cause.code);
  const thread = job.kind === 'command' ? undefined : decodeThreadId(job.threadId).thread;
  const routes: [string, () => Promise<unknown>][] = [];
  if (job.responseUrl) routes.push(['response_url', () => sender.respond(job.responseUrl as string, content, freshProgress(`${key}/respond`))]);
  if (!channelIsTheProblem) {
    routes.push([
      'ephemeral',
      () =>
        sender.postEphemeral(
          { workspaceId: job.workspaceId, channelId: job.channelId, userId: job.userId, ...(thread ? { thread } : {}), ...(job.responseUrl ? { replyHandle: job.responseUrl } : {}) },
          content,
          freshProgress(`${key}/ephemeral`),
        ),
    ]);
  }
  routes.push(['direct message', () => sender.sendDirect(job.workspaceId, job.userId, content, freshProgress(`${key}/dm`))]);
  for (const [route, send] of routes) {
    try {
      await send();
      log.info('told the user about a failure', { route });
      return true;
    } catch (error) {
      log.warn('could not tell the user about a failure this way', { route, error });
    }
  }
  return false;
}
