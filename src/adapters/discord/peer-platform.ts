import type { REST } from '@discordjs/rest';
import { ButtonStyle, ComponentType, MessageFlags, Routes, type APIGuildMember } from 'discord-api-types/v10';
import type { PeerPerson, PeerPlatform, ScorecardForm } from '../../app/peer/ports.ts';
import { discordCodeOf, mapDiscordError } from './sender-errors.ts';
import { parseReplyHandle } from './reply-handle.ts';
import { encodePeerCustomId } from './peer-custom-ids.ts';

/**
 * Peer practice's view of Discord. A person is a member of the server (GET guild member:
 * 10007 Unknown Member means not there, or gone); whether they can read one channel is a
 * permissions calculation Discord does not answer in one call, so `inChannel` says "cannot
 * tell". The scorecard form cannot be a modal opened by the worker (only an interaction's
 * first response can show a modal, within 3 s), so it is an ephemeral follow-up with select
 * menus (verdicts, overall signal, level) and a button that opens the notes modal.
 */
const UNKNOWN_MEMBER = 10_007;
const UNKNOWN_USER = 10_013;

const VERDICT_LABEL = { covered: 'covered', partial: 'partial', missed: 'missed' } as const;

export function scorecardComponents(form: ScorecardForm): unknown[] {
  const verdictOptions = form.rubric.slice(0, 8).flatMap((point) =>
    (['covered', 'partial', 'missed'] as const).map((verdict) => ({ label: `${point.theme} · ${VERDICT_LABEL[verdict]}`.slice(0, 100), value: `${point.id}=${verdict}` })),
  );
  return [
    { type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: encodePeerCustomId('scorecard-draft', form.sessionId, 'verdicts'), placeholder: 'Rubric: one verdict per point (unselected = missed)', min_values: 0, max_values: verdictOptions.length, options: verdictOptions }] },
    {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.StringSelect, custom_id: encodePeerCustomId('scorecard-draft', form.sessionId, 'overall'), placeholder: 'Overall signal', options: ['strong-no', 'no', 'yes', 'strong-yes'].map((value) => ({ label: value.replace('-', ' '), value })) }],
    },
    { type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: encodePeerCustomId('scorecard-draft', form.sessionId, 'level'), placeholder: 'Level assessed', options: ['senior', 'staff', 'principal'].map((value) => ({ label: value, value })) }] },
    { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Notes & send privately', custom_id: encodePeerCustomId('card', form.sessionId) }] },
  ];
}

export class DiscordPeerPlatform implements PeerPlatform {
  constructor(
    private readonly rest: REST,
    private readonly applicationId: string,
  ) {}

  async person(workspaceId: string, userId: string): Promise<PeerPerson> {
    try {
      const member = (await this.rest.get(Routes.guildMember(workspaceId, userId))) as APIGuildMember;
      return { exists: true, bot: member.user?.bot === true, gone: false };
    } catch (error) {
      const code = discordCodeOf(error);
      if (code === UNKNOWN_MEMBER || code === UNKNOWN_USER) return { exists: false, bot: false, gone: true };
      throw mapDiscordError(error, 'get member');
    }
  }

  async inChannel(): Promise<boolean | undefined> {
    return undefined;
  }

  async openScorecard(_workspaceId: string, handle: string, form: ScorecardForm): Promise<void> {
    const { token } = parseReplyHandle(handle);
    try {
      await this.rest.post(Routes.webhook(this.applicationId, token), {
        auth: false,
        body: {
          content: `**Peer scorecard**: ${form.title.slice(0, 200)}\nChoose a verdict for each rubric point, the overall signal and the level, then add notes and send. It goes only to <@${form.candidateId}>, with the automatic rubric score, and ends the session.`,
          components: scorecardComponents(form),
          flags: MessageFlags.Ephemeral,
          allowed_mentions: { parse: [] },
        },
      });
    } catch (error) {
      throw mapDiscordError(error, 'scorecard form');
    }
  }
}
