import type { ModalView } from '@slack/web-api';
import type { ScorecardForm } from '../../../../app/peer/ports.ts';

/**
 * The scorecard as a Slack modal: one required select per rubric point (covered, partial,
 * missed), the overall signal, the level assessed, and optional notes. `private_metadata`
 * names the session; the submission is read back by the view listener.
 */
export const SCORECARD_CALLBACK_ID = 'obs_peer_scorecard';

const option = (value: string, label: string) => ({ text: { type: 'plain_text' as const, text: label }, value });
const VERDICTS = [option('covered', 'Covered'), option('partial', 'Partial'), option('missed', 'Missed')];
const SIGNALS = [option('strong-no', 'Strong no'), option('no', 'No'), option('yes', 'Yes'), option('strong-yes', 'Strong yes')];
const LEVELS = [option('senior', 'Senior'), option('staff', 'Staff'), option('principal', 'Principal')];

function select(blockId: string, label: string, options: ReturnType<typeof option>[]) {
  return { type: 'input' as const, block_id: blockId, label: { type: 'plain_text' as const, text: label.slice(0, 2000) }, element: { type: 'static_select' as const, action_id: 'value', options } };
}

export function scorecardModal(form: ScorecardForm): ModalView {
  return {
    type: 'modal',
    callback_id: SCORECARD_CALLBACK_ID,
    private_metadata: JSON.stringify({ t: form.sessionId }),
    title: { type: 'plain_text', text: 'Peer scorecard' },
    submit: { type: 'plain_text', text: 'Send privately' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${form.title.replace(/[<>&]/g, '')}*\nGoes only to <@${form.candidateId}>, with the automatic rubric score, and ends the session.` } },
      ...form.rubric.map((point) => select(`point:${point.id}`, point.theme, VERDICTS)),
      select('overall', 'Overall signal', SIGNALS),
      select('level', 'Level assessed', LEVELS),
      { type: 'input', block_id: 'notes', optional: true, label: { type: 'plain_text', text: 'Notes for your candidate' }, element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 } },
    ],
  };
}
