import { context, section, topicLabel } from './blocks.ts';
import type { AppPartOf, Renderer } from './context.ts';

export const renderTopics: Renderer<AppPartOf<'topics'>> = ({ topics }) => ({
  summary: `${topics.length} topics`,
  blocks: [
    section(['*Topics*', ...topics.map((t) => `• \`${t.topic}\` ${topicLabel(t.topic)}: ${t.count} question${t.count === 1 ? '' : 's'}`)].join('\n')),
    context('Ask one with `/obs-question <topic>`, or `/obs-question mock <topic>` for a mock interview.'),
  ],
});
