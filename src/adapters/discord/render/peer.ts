import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord-api-types/v10';
import type { PeerView } from '../../../app/peer/views.ts';
import type { AppPartOf, Renderer } from './context.ts';
import { bold, escapeText, mention } from './markdown.ts';
import { COLOURS, type ButtonRow } from './message.ts';
import { encodePeerCustomId } from '../peer-custom-ids.ts';
import type { PeerActionName } from '../../../queue/jobs.ts';
import type { FollowUpChoice } from '../../../core/peer/follow-up-menu.ts';

/** Embeds and buttons for peer practice's views (src/app/peer/views.ts). */
const SIGNAL_LABEL = { 'strong-no': 'Strong no', no: 'No', yes: 'Yes', 'strong-yes': 'Strong yes' } as const;
const VERDICT_MARK = { covered: '✅', partial: '🟡', missed: '⬜' } as const;

function button(action: PeerActionName, label: string, threadId: string | undefined, value = '', style: ButtonStyle = ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: encodePeerCustomId(action, threadId, value) } as APIButtonComponent;
}

function rows(buttons: APIButtonComponent[]): ButtonRow[] {
  const out: ButtonRow[] = [];
  for (let index = 0; index < buttons.length && out.length < 5; index += 5) out.push({ type: ComponentType.ActionRow, components: buttons.slice(index, index + 5) });
  return out;
}

function controls(threadId: string | undefined): APIButtonComponent[] {
  return [button('scorecard', 'Scorecard', threadId, '', ButtonStyle.Primary), button('end', 'End session', threadId, '', ButtonStyle.Danger)];
}

function menuText(menu: FollowUpChoice[]): string {
  if (menu.length === 0) return 'This question has no follow-ups: ask your own by replying in the thread.';
  return menu.map((choice, index) => `${bold(String(index + 1))}. ${escapeText(choice.ask)} (${choice.kind}${choice.probes ? ` · probes ${choice.probes}` : ''})${choice.used ? ' ✓ asked' : choice.suggested ? ' ⭐ suggested' : ''}`).join('\n');
}

function menuButtons(menu: FollowUpChoice[], threadId: string | undefined): APIButtonComponent[] {
  // Typed replies need the Message Content intent; this modal works without it.
  return [button('follow-up', 'Ask your own', threadId, 'own', ButtonStyle.Secondary)].concat(menuButtonsOf(menu, threadId));
}

function menuButtonsOf(menu: FollowUpChoice[], threadId: string | undefined): APIButtonComponent[] {
  return menu.map((choice, index) => ({ choice, index })).filter(({ choice }) => !choice.used).map(({ choice, index }) => button('follow-up', `${choice.suggested ? '⭐ ' : ''}Ask ${index + 1}`, threadId, choice.id));
}

function renderView(view: PeerView, threadId: string | undefined): ReturnType<Renderer<AppPartOf<'peer'>>> {
  switch (view.kind) {
    case 'intro':
      return {
        summary: `Peer mock interview: ${view.title}`,
        content: `${mention(view.candidateId)}, ${mention(view.interviewerId)} is interviewing you: a peer mock interview, at your own pace.`,
        embeds: [
          {
            title: view.title.slice(0, 256),
            color: COLOURS.question,
            description: `Answer in this thread (a reply, or the Answer button); ${mention(view.interviewerId)} follows up here. Whoever's turn it is gets a reminder after ${view.nudgeAfterHours} h; the session closes after ${view.expiresInDays} days. Either of you can end it early. The scorecard comes to you privately.`,
          },
        ],
        components: rows([{ type: ComponentType.Button, style: ButtonStyle.Success, label: 'Answer', custom_id: 'obs:answer' } as APIButtonComponent, ...controls(threadId)]),
      };
    case 'brief': {
      const q = view.question;
      const fields = [
        { name: 'Pacing', value: q.phases.map((phase) => `${phase.title} ${phase.minutes} min`).join(' → ') },
        { name: 'Rubric (tick these on the scorecard)', value: q.rubric.map((point) => `☐ ${bold(escapeText(point.theme))} (weight ${point.weight}): ${escapeText(point.point)}`).join('\n').slice(0, 1024) },
        ...(q.tradeOffs.length > 0 ? [{ name: 'Trade-offs to push on', value: q.tradeOffs.map((t) => `• ${escapeText(t)}`).join('\n').slice(0, 1024) }] : []),
        ...(q.misconceptions.length > 0 ? [{ name: 'Misconceptions to listen for', value: q.misconceptions.map((m) => `• ${escapeText(m)}`).join('\n').slice(0, 1024) }] : []),
        ...(q.tip ? [{ name: 'Tip', value: escapeText(q.tip).slice(0, 1024) }] : []),
        { name: 'Follow-ups (one click posts it in the thread)', value: menuText(view.menu).slice(0, 1024) },
      ];
      return {
        summary: `Interviewer brief: ${q.title}`,
        content: `Your interviewer brief: you are interviewing ${mention(view.candidateId)} in <#${view.channelId}>. Only you see this.`,
        embeds: [{ title: q.title.slice(0, 256), color: COLOURS.info, description: `${bold('What a strong answer does')}: ${escapeText(q.summary)} (${q.level})`, fields }],
        components: rows([...menuButtons(view.menu, threadId).slice(0, 15), ...controls(threadId)]),
      };
    }
    case 'menu':
      return {
        summary: 'Candidate answered',
        content: `${mention(view.candidateId)} answered in <#${view.channelId}>. Your move: a follow-up (or your own, as a reply in the thread), or the scorecard.`,
        embeds: [{ color: COLOURS.followUp, description: menuText(view.menu).slice(0, 4000) }],
        components: rows([...menuButtons(view.menu, threadId).slice(0, 15), ...controls(threadId)]),
      };
    case 'follow-up':
      return { summary: 'Follow-up', content: `${mention(view.candidateId)}, a follow-up from ${mention(view.interviewerId)}:`, embeds: [{ color: COLOURS.followUp, description: escapeText(view.text) }] };
    case 'nudge':
      return {
        summary: 'Your turn',
        content: view.role === 'candidate' ? `👋 ${mention(view.to)}, your turn: reply in this thread when you have a moment.` : `👋 ${mention(view.to)}, your candidate is waiting for a follow-up or the scorecard.`,
        embeds: [],
      };
    case 'ended': {
      const line =
        view.reason === 'ended-early'
          ? `${view.by ? mention(view.by) : 'Someone'} ended the session early. ${mention(view.interviewerId)} can still send the scorecard.`
          : view.reason === 'scorecard'
            ? 'The scorecard was sent privately to the candidate.'
            : view.reason === 'expired'
              ? 'This session expired after its time limit. Thanks both: start another any time.'
              : 'The candidate is no longer in the server, so this session has ended.';
      const buttons: APIButtonComponent[] = [];
      if (view.reason !== 'candidate-left') buttons.push(...[1, 2, 3, 4, 5].map((stars) => button('rate', `${stars}★`, threadId, String(stars))));
      if (view.reason === 'ended-early') buttons.push(...controls(threadId));
      if (view.canSwap) buttons.push(button('swap', 'Swap roles', threadId, '', ButtonStyle.Primary));
      return { summary: 'Session ended', content: `${line}${view.reason !== 'candidate-left' ? ' Rate it privately (1–5): ratings build interviewer reputation in `/obs-question stats`.' : ''}`, embeds: [], components: rows(buttons) };
    }
    case 'scorecard': {
      const card = view.card;
      const lines = view.rubric.map((point) => `${VERDICT_MARK[card.points[point.id] ?? 'missed']} ${bold(escapeText(point.theme))}: interviewer ${card.points[point.id] ?? 'missed'} · automatic ${view.autoVerdicts[point.id] ?? 'missed'}`);
      return {
        summary: 'Peer scorecard',
        embeds: [
          {
            title: 'Peer scorecard',
            color: COLOURS.scorecard,
            description: `${mention(view.interviewerId)} interviewed ${mention(view.candidateId)}: ${bold(escapeText(view.title))}\nOnly the two of you see this.\n\n${lines.join('\n')}`.slice(0, 4000),
            fields: [
              { name: 'Overall', value: `${SIGNAL_LABEL[card.overall]} at ${card.level} level · automatic rubric score ${card.autoScore}/100` },
              ...(card.notes ? [{ name: 'Notes', value: escapeText(card.notes).slice(0, 1024) }] : []),
            ],
          },
        ],
      };
    }
    case 'reputation': {
      const line = (r: { ratings: number; average?: number }, role: string): string => (r.ratings === 0 ? `• As ${role}: no ratings yet` : `• As ${role}: ${r.average}/5 from ${r.ratings} rating${r.ratings === 1 ? '' : 's'}`);
      return { summary: 'Peer practice reputation', content: `${bold('Peer practice')}\n${line(view.asInterviewer, 'interviewer')}\n${line(view.asCandidate, 'candidate')}`, embeds: [] };
    }
    case 'pair-match':
      return {
        summary: 'Practice partner',
        content: `🤝 This week's practice ${view.members.length > 2 ? 'group' : 'pair'} from <#${view.channelId}>: ${view.members.map(mention).join(', ')}. Suggested first interviewer: ${mention(view.firstInterviewer)}: start with \`/obs-question peer\` and your partner in that channel, then swap roles.`,
        embeds: [],
      };
  }
}

export const renderPeerPart: Renderer<AppPartOf<'peer'>> = (part, context) => renderView(part.view, context.sessionId);
