import { UserError } from '../../core/errors.ts';
import type { JobContext } from './context.ts';

/**
 * Who may change a channel's settings (daily questions, scoring): workspace admins and
 * owners, as the platform reports them, and the users the operator lists in config
 * (OBS_ADMIN_USERS). Checked in the worker, never in the adapter: it needs a Web API call,
 * which has no place inside Slack's 3-second ack.
 *
 * Config comes first, so a listed user needs no API call, and a deployment whose token
 * lacks `users:read` still has someone who can change settings.
 */
export const NOT_ADMIN = 'not_admin';

export interface Requester {
  workspaceId: string;
  userId: string;
}

/**
 * Throws a UserError (code `not_admin`) unless the requester may `action`, e.g.
 * "change this channel's daily question". The dispatch wrapper turns it into a polite
 * private reply; nothing has been changed by then.
 */
export async function requireAdmin(job: Requester, ctx: JobContext, action: string): Promise<void> {
  if (ctx.deps.adminUserIds?.has(job.userId)) return;
  const isAdmin = (await ctx.deps.sender.isWorkspaceAdmin?.(job.workspaceId, job.userId)) ?? false;
  if (isAdmin) return;
  ctx.log.info('refused a settings change: not an admin', { action, user: job.userId });
  throw new UserError(
    NOT_ADMIN,
    `Sorry, only workspace admins and owners can ${action}. Ask one of them to do it, or ask whoever runs this bot to add you to its list of admins.`,
  );
}
