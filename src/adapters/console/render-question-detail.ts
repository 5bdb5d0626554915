import type { Question } from '../../core/content/schema.ts';

/** The whole question as an author reviews it in a terminal. */
export function renderQuestionDetail(question: Question): string {
  const lines = [
    `${question.id}  ·  ${question.topic}  ·  ${question.level}`,
    '',
    question.title,
    '',
    `Summary: ${question.summary}`,
    '',
    'Rubric:',
    ...question.rubric.flatMap((point) => [
      `  [${point.weight}] ${point.id} (${point.theme}): ${point.point}`,
      `      evidence: ${point.evidence.join(', ')}`,
      ...(point.probe ? [`      probe: ${point.probe}`] : []),
    ]),
    '',
    'Functional follow-ups:',
    ...question.followUps.functional.map((followUp) => `  - ${followUp.ask}`),
    'Non-functional follow-ups:',
    ...question.followUps.nonFunctional.map((followUp) => `  - ${followUp.ask}`),
    '',
    'Trade-offs:',
    ...question.tradeOffs.map((text) => `  - ${text}`),
    '',
    `Tip: ${question.tip || '(none)'}`,
  ];
  return `${lines.join('\n')}\n`;
}
