import type { WebClient } from '@slack/web-api';
import type { PeerPerson, PeerPlatform, ScorecardForm } from '../../app/peer/ports.ts';
import { PermanentDeliveryError } from '../../core/errors.ts';
import { mapSlackError } from './sender-errors.ts';
import { scorecardModal } from './render/peer/scorecard-modal.ts';

/**
 * Peer practice's view of Slack: users.info (scope users:read) says whether someone exists,
 * is a bot or was deactivated; conversations.members (channels:read / groups:read) whether
 * they are in the channel; views.open shows the scorecard form through the press's
 * trigger_id. A refusal Slack will repeat answers "cannot tell" rather than blocking.
 */
const MEMBER_PAGE = 1_000;
const MAX_PAGES = 20;

export class SlackPeerPlatform implements PeerPlatform {
  constructor(private readonly client: WebClient) {}

  private async call<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw mapSlackError(error, method);
    }
  }

  async person(_workspaceId: string, userId: string): Promise<PeerPerson> {
    try {
      const { user } = await this.call('users.info', () => this.client.users.info({ user: userId }));
      if (!user) return { exists: false, bot: false, gone: false };
      return { exists: true, bot: user.is_bot === true || user.id === 'USLACKBOT', gone: user.deleted === true };
    } catch (error) {
      if (error instanceof PermanentDeliveryError && error.code === 'user_not_found') return { exists: false, bot: false, gone: false };
      throw error;
    }
  }

  async inChannel(_workspaceId: string, channelId: string, userId: string): Promise<boolean | undefined> {
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result = await this.call('conversations.members', () => this.client.conversations.members({ channel: channelId, limit: MEMBER_PAGE, ...(cursor ? { cursor } : {}) }));
        if (result.members?.includes(userId)) return true;
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!cursor) return false;
      }
      return undefined;
    } catch (error) {
      // A DM, a missing scope, a channel the bot cannot read: Slack cannot tell us; let the session start.
      if (error instanceof PermanentDeliveryError) return undefined;
      throw error;
    }
  }

  async openScorecard(_workspaceId: string, handle: string, form: ScorecardForm): Promise<void> {
    await this.call('views.open', () => this.client.views.open({ trigger_id: handle, view: scorecardModal(form) }));
  }
}
