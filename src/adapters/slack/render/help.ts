import { helpText } from '../../../core/commands/help.ts';
import { context, section } from './blocks.ts';
import type { AppPartOf, Renderer } from './context.ts';

export const renderHelp: Renderer<AppPartOf<'help'>> = (part) => {
  const text = helpText(part.notUnderstood === undefined ? {} : { notUnderstood: part.notUnderstood });
  return {
    summary: part.notUnderstood === undefined ? 'How to use /obs-question' : 'I didn’t understand that',
    blocks: [...(part.note ? [section(part.note)] : []), section(text), context('Only you can see this.')],
  };
};
