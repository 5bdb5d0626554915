import type { FollowUpChoice } from '../../../../core/peer/follow-up-menu.ts';
import type { PeerView } from '../../../../app/peer/views.ts';
import { context, divider, escapeMrkdwn, header, mention, section, type RenderedPart, type SlackBlock } from '../blocks.ts';
import type { RenderContext } from '../context.ts';
import { peerActions, peerButton } from './buttons.ts';

/** Block Kit for peer practice's views (src/app/peer/views.ts). */
const SIGNAL_LABEL = { 'strong-no': 'Strong no', no: 'No', yes: 'Yes', 'strong-yes': 'Strong yes' } as const;
const VERDICT_MARK = { covered: '✅', partial: '🟡', missed: '⬜' } as const;
const REASON_TEXT = {
  'ended-early': 'ended the session early',
  scorecard: 'The scorecard was sent privately to the candidate.',
  expired: 'This session expired after its time limit. Thanks both: start another any time.',
  'candidate-left': 'The candidate is no longer in the workspace, so this session has ended.',
} as const;

function reputationLine(reputation: { ratings: number; average?: number }, role: string): string {
  return reputation.ratings === 0 ? `• As ${role}: no ratings yet` : `• As ${role}: ${reputation.average}/5 from ${reputation.ratings} rating${reputation.ratings === 1 ? '' : 's'}`;
}

function menuBlocks(menu: FollowUpChoice[], threadId: string | undefined): SlackBlock[] {
  if (menu.length === 0) return [context('This question has no follow-ups: ask your own by replying in the thread.')];
  const lines = menu.map((choice, index) => {
    const mark = choice.used ? '✓ ~asked~' : choice.suggested ? '⭐ suggested' : '';
    const probes = choice.probes ? ` · probes _${escapeMrkdwn(choice.probes)}_` : '';
    return `*${index + 1}.* ${escapeMrkdwn(choice.ask)} (${choice.kind}${probes}) ${mark}`.trim();
  });
  const buttons = menu
    .map((choice, index) => ({ choice, index }))
    .filter(({ choice }) => !choice.used)
    .map(({ choice, index }) => peerButton('follow-up', `${choice.suggested ? '⭐ ' : ''}Ask ${index + 1}`, threadId, { value: choice.id, index }));
  return [section(lines.join('\n')), ...(buttons.length > 0 ? [peerActions(buttons.slice(0, 20))] : []), context('Or write your own follow-up as a reply in the thread.')];
}

function controls(threadId: string | undefined): SlackBlock {
  return peerActions([peerButton('scorecard', '📝 Scorecard', threadId, { style: 'primary' }), peerButton('end', '⏹ End session', threadId, { style: 'danger' })]);
}

export function renderPeer(view: PeerView, ctx: RenderContext): RenderedPart {
  const id = ctx.sessionId;
  switch (view.kind) {
    case 'intro':
      return {
        summary: `Peer mock interview for ${mention(view.candidateId)}`,
        blocks: [
          section(`🎙 ${mention(view.candidateId)}, ${mention(view.interviewerId)} is interviewing you: a peer mock interview, at your own pace.`),
          section(`*${escapeMrkdwn(view.title)}*`),
          context(
            `Answer by replying in this thread; ${mention(view.interviewerId)} follows up here. Take your time: whoever's turn it is gets a reminder after ${view.nudgeAfterHours} h, and the session closes after ${view.expiresInDays} days. Either of you can end it early. The scorecard comes to you privately at the end.`,
          ),
          controls(id),
        ],
      };
    case 'brief': {
      const q = view.question;
      const blocks: SlackBlock[] = [
        header('Your interviewer brief'),
        section(`You are interviewing ${mention(view.candidateId)} in <#${view.channelId}>. Only you see this.\n*${escapeMrkdwn(q.title)}* (${q.level})`),
        section(`*What a strong answer does*\n${escapeMrkdwn(q.summary)}`),
        section(`*Pacing*\n${q.phases.map((phase) => `${escapeMrkdwn(phase.title)} ${phase.minutes} min`).join(' → ')}\nAsync: one phase per exchange or two is fine.`),
        section(`*Rubric (tick these on the scorecard)*\n${q.rubric.map((point) => `☐ *${escapeMrkdwn(point.theme)}* (weight ${point.weight}): ${escapeMrkdwn(point.point)}`).join('\n')}`),
      ];
      if (q.tradeOffs.length > 0) blocks.push(section(`*Trade-offs to push on*\n${q.tradeOffs.map((t) => `• ${escapeMrkdwn(t)}`).join('\n')}`));
      if (q.misconceptions.length > 0) blocks.push(section(`*Misconceptions to listen for*\n${q.misconceptions.map((m) => `• ${escapeMrkdwn(m)}`).join('\n')}`));
      if (q.tip) blocks.push(section(`*Tip*: ${escapeMrkdwn(q.tip)}`));
      blocks.push(divider(), section('*Follow-ups* (one click posts it in the thread)'), ...menuBlocks(view.menu, id));
      blocks.push(context('When you have enough signal, open the scorecard: it ends the session and goes privately to your candidate. Either of you can end early.'), controls(id));
      return { summary: `Interviewer brief: ${q.title}`, blocks };
    }
    case 'menu':
      return {
        summary: `${mention(view.candidateId)} answered`,
        blocks: [section(`${mention(view.candidateId)} answered in <#${view.channelId}>. Your move: a follow-up, or the scorecard.`), ...menuBlocks(view.menu, id), controls(id)],
      };
    case 'follow-up':
      return { summary: 'Follow-up', blocks: [section(`${mention(view.candidateId)}, a follow-up from ${mention(view.interviewerId)}:\n>${escapeMrkdwn(view.text)}`)] };
    case 'nudge':
      return {
        summary: 'Your turn',
        blocks: [section(view.role === 'candidate' ? `👋 ${mention(view.to)}, your turn: reply in this thread when you have a moment.` : `👋 ${mention(view.to)}, your candidate is waiting for a follow-up or the scorecard.`)],
      };
    case 'ended': {
      const line = view.reason === 'ended-early' ? `${view.by ? mention(view.by) : 'Someone'} ${REASON_TEXT['ended-early']}. ${mention(view.interviewerId)} can still send the scorecard.` : REASON_TEXT[view.reason];
      const rate = [1, 2, 3, 4, 5].map((stars) => peerButton('rate', '⭐'.repeat(stars), id, { value: String(stars), index: stars }));
      const blocks: SlackBlock[] = [section(line)];
      if (view.reason !== 'candidate-left') {
        blocks.push(context('Rate this session privately (1–5): ratings build each person’s interviewer reputation in `/obs-question stats`.'), peerActions(rate));
        if (view.reason === 'ended-early') blocks.push(controls(id));
      }
      if (view.canSwap) blocks.push(peerActions([peerButton('swap', '🔁 Swap roles', id)]));
      return { summary: 'Session ended', blocks };
    }
    case 'scorecard': {
      const card = view.card;
      const rows = view.rubric.map((point) => {
        const auto = view.autoVerdicts[point.id] ?? 'missed';
        const mine = card.points[point.id] ?? 'missed';
        return `${VERDICT_MARK[mine]} *${escapeMrkdwn(point.theme)}*: interviewer ${mine} · automatic ${auto}`;
      });
      return {
        summary: 'Peer scorecard',
        blocks: [
          header('Peer scorecard'),
          section(`${mention(view.interviewerId)} interviewed ${mention(view.candidateId)}: *${escapeMrkdwn(view.title)}*\nOnly the two of you see this.`),
          section(rows.join('\n')),
          section(`*Overall:* ${SIGNAL_LABEL[card.overall]} at ${card.level} level · *Automatic rubric score:* ${card.autoScore}/100`),
          ...(card.notes ? [section(`*Notes*\n${escapeMrkdwn(card.notes)}`)] : []),
        ],
      };
    }
    case 'reputation':
      return { summary: 'Peer practice reputation', blocks: [section(`*Peer practice*\n${reputationLine(view.asInterviewer, 'interviewer')}\n${reputationLine(view.asCandidate, 'candidate')}`)] };
    case 'pair-match':
      return {
        summary: 'Your practice partner this week',
        blocks: [
          section(
            `🤝 This week's practice ${view.members.length > 2 ? 'group' : 'pair'} from <#${view.channelId}>: ${view.members.map(mention).join(', ')}.\nSuggested first interviewer: ${mention(view.firstInterviewer)}. They start with \`/obs-question peer\` and a mention of their partner in that channel; then swap roles.`,
          ),
        ],
      };
  }
}
