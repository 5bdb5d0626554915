import { questionSchema, type QuestionInput } from '../schema.ts';
import { proseOf, type Block } from './blocks.ts';
import { error, questionLabel, warning, type ImportDiagnostic } from './diagnostics.ts';
import { draftRubric, type RubricDraft } from './draft-rubric.ts';
import type { ParsedQuestion } from './parse-guide.ts';
import { structureWarnings } from './question-warnings.ts';
import { MIN_POINTS } from './rubric-chunks.ts';
import { splitSentences } from './sentences.ts';
import { capSlug, slugify, uniqueSlug } from './slug.ts';
import { stripInline } from './text.ts';
import { STOP_WORDS } from './words.ts';

/**
 * One parsed question -> a draft content file (QuestionInput), plus everything the author
 * should know about it. A question is only dropped when no valid file can be made, and then
 * it is an error with its line, never a silence.
 */
export const DEFAULT_LEVEL = 'staff';
export const DEFAULT_TOPIC = 'general';
const MAX_ID_CHARS = 60;
const MAX_TOPIC_CHARS = 40;

/** Words that say nothing about the question in an id ("Design a …", "How would you …"). */
const ID_FILLER = new Set(['design', 'implement', 'build', 'create', 'describe', 'explain', 'walk', 'would', 'you']);

export interface QuestionDraftResult {
  question: QuestionInput | undefined;
  diagnostics: ImportDiagnostic[];
}

export function topicSlug(section: string | undefined): string {
  return capSlug(slugify(section ?? ''), MAX_TOPIC_CHARS) || DEFAULT_TOPIC;
}

/** Topic plus the telling words of the title: stable for the same guide, at most 60 characters. */
export function questionIdBase(topic: string, title: string): string {
  const topicWords = new Set(topic.split('-'));
  const words = slugify(title)
    .split('-')
    .filter((word) => word !== '' && !STOP_WORDS.has(word) && !ID_FILLER.has(word) && !topicWords.has(word));
  const base = slugify(`${topic} ${[...new Set(words)].join(' ')}`);
  return capSlug(base, MAX_ID_CHARS);
}

/** List items one each; prose split into sentences (one trade-off or follow-up per sentence). */
function items(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'code') return [];
    const text = stripInline(block.text);
    return block.kind === 'bullet' ? [text] : splitSentences(text);
  }).filter((item) => item !== '');
}

/** Says how many points were padded in from the summary and trade-offs, if any. */
function paddingWarning(draft: RubricDraft, label: string, line: number): ImportDiagnostic | undefined {
  const { summary, tradeOffs } = draft.padded;
  if (summary + tradeOffs === 0) return undefined;
  const sources = [summary > 0 ? `${summary} from the Summary` : '', tradeOffs > 0 ? `${tradeOffs} from the Trade-offs` : ''].filter((source) => source !== '').join(' and ');
  return warning(line, `question ${label}: Deep Answer gives only ${draft.fromDeepAnswer} of ${MIN_POINTS} rubric points; added ${sources} with weight 1, to edit`);
}

export function draftQuestion(parsed: ParsedQuestion, takenIds: Set<string>): QuestionDraftResult {
  const diagnostics: ImportDiagnostic[] = [];
  const { parts } = parsed;

  let title = stripInline(parsed.title);
  let loose = parsed.looseText;
  if (title === '' && loose[0]) {
    // "### Q3" with the question on the next line.
    title = stripInline(loose[0].text);
    loose = loose.slice(1);
  }
  if (title === '') {
    return { question: undefined, diagnostics: [error(parsed.line, 'question heading has no question text; nothing imported for it')] };
  }
  const label = questionLabel(title);
  const topic = topicSlug(parsed.section);

  diagnostics.push(...structureWarnings(parsed, label, topic, loose));

  const deepAnswer = parts.deepAnswer?.blocks ?? [];
  const tradeOffs = items(parts.tradeOffs?.blocks ?? []);
  let summary = stripInline(proseOf(parts.summary?.blocks ?? []));
  if (summary === '') {
    summary = splitSentences(stripInline(proseOf(deepAnswer)))[0] ?? '';
    if (summary !== '') diagnostics.push(warning(parsed.line, `question ${label}: summary drafted from the first sentence of the Deep Answer`));
  }

  const draft = draftRubric(deepAnswer, splitSentences(summary), tradeOffs);
  const answerLine = parts.deepAnswer?.line ?? parsed.line;
  if (draft.rubric.length < MIN_POINTS) {
    diagnostics.push(
      error(answerLine, `question ${label}: its Deep Answer, Summary and Trade-offs give only ${draft.rubric.length} of the ${MIN_POINTS} rubric points needed; nothing imported for it`),
    );
    return { question: undefined, diagnostics };
  }
  const question: QuestionInput = {
    id: uniqueSlug(questionIdBase(topic, title) || `${topic}-question-${parsed.line}`, takenIds, MAX_ID_CHARS),
    topic,
    level: DEFAULT_LEVEL,
    title,
    summary,
    rubric: draft.rubric,
    followUps: { functional: items(parts.functional?.blocks ?? []), nonFunctional: items(parts.nonFunctional?.blocks ?? []) },
    tradeOffs,
    tip: stripInline(proseOf(parts.tip?.blocks ?? [])),
  };

  // A safety net: the drafting above should always produce a valid file, but a guide can surprise us.
  const checked = questionSchema.safeParse(question);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    diagnostics.push(error(parsed.line, `question ${label} cannot be made valid (${problems}); nothing imported for it`));
    return { question: undefined, diagnostics };
  }
  const padding = paddingWarning(draft, label, answerLine);
  return { question, diagnostics: padding ? [...diagnostics, padding] : diagnostics };
}
