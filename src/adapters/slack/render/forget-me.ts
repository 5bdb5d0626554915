import { FORGET_ME_CANCEL_LABEL, FORGET_ME_CONFIRM_LABEL, forgetMeQuestion } from '../../shared/forget-me-text.ts';
import { section } from './blocks.ts';
import type { AppPartOf, Renderer } from './context.ts';

/** The buttons' action ids; listeners/actions/forget-me.ts handles them. */
export const FORGET_ME_ACTION_IDS = { confirm: 'obs_forget_me_confirm', cancel: 'obs_forget_me_cancel' } as const;

export const renderForgetMeConfirm: Renderer<AppPartOf<'forget-me-confirm'>> = (part) => ({
  summary: 'Delete your data?',
  blocks: [
    section(forgetMeQuestion(part.platform)),
    {
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: FORGET_ME_CONFIRM_LABEL }, action_id: FORGET_ME_ACTION_IDS.confirm, value: 'confirm', style: 'danger' },
        { type: 'button', text: { type: 'plain_text', text: FORGET_ME_CANCEL_LABEL }, action_id: FORGET_ME_ACTION_IDS.cancel, value: 'cancel' },
      ],
    },
  ],
});
