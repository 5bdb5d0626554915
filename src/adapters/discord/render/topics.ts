import type { AppPartOf, Renderer } from './context.ts';
import { topicLabel } from './markdown.ts';
import { COLOURS } from './message.ts';

export const renderTopics: Renderer<AppPartOf<'topics'>> = ({ topics }) => ({
  summary: `${topics.length} topics`,
  embeds: [
    {
      title: 'Topics',
      description: topics.map((t) => `• \`${t.topic}\` ${topicLabel(t.topic)}: ${t.count} question${t.count === 1 ? '' : 's'}`).join('\n'),
      footer: { text: 'Ask one with /obs-question ask topic:<topic>, or /obs-question mock for a mock interview.' },
      color: COLOURS.info,
    },
  ],
});
