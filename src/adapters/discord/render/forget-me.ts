import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { FORGET_ME_CANCEL_LABEL, FORGET_ME_CONFIRM_LABEL, forgetMeQuestion } from '../../shared/forget-me-text.ts';
import type { AppPartOf, Renderer } from './context.ts';
import { fromAppMarkup } from './markdown.ts';

/** The buttons' custom ids; components/forget-me.ts handles them. */
export const FORGET_ME_CUSTOM_IDS = { confirm: 'obsf:confirm', cancel: 'obsf:cancel' } as const;

export const renderForgetMeConfirm: Renderer<AppPartOf<'forget-me-confirm'>> = (part) => ({
  summary: 'Delete your data?',
  content: fromAppMarkup(forgetMeQuestion(part.platform)),
  embeds: [],
  components: [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Danger, label: FORGET_ME_CONFIRM_LABEL, custom_id: FORGET_ME_CUSTOM_IDS.confirm },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: FORGET_ME_CANCEL_LABEL, custom_id: FORGET_ME_CUSTOM_IDS.cancel },
      ],
    },
  ],
});
