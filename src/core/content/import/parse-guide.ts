import { BlockCollector, type Block } from './blocks.ts';
import { partKeyForLabel, type PartKey } from './part-labels.ts';

/**
 * Markdown study guide -> questions and their parts, with line numbers. Structure only:
 * deciding what is missing or thin is the drafter's job, so this never warns.
 *
 *   ## Section            a topic
 *   ### Q1: Question?     a question (also "Q:", "Question:", "Question 2 -")
 *   **Summary**: …        a part, text inline and/or in the following paragraphs and lists
 */
export interface GuidePart {
  /** The label as written, e.g. "Key Trade-offs". */
  label: string;
  key: PartKey | undefined;
  line: number;
  blocks: Block[];
}

export interface ParsedQuestion {
  title: string;
  line: number;
  /** The `##` section it sits under; undefined before the first one. */
  section: string | undefined;
  /** False for a `###` heading without a "Q:" prefix, kept because it has a Summary or Deep Answer. */
  prefixed: boolean;
  parts: Partial<Record<PartKey, GuidePart>>;
  /** A part seen a second time: its text was added to the first, and the author should know. */
  repeatedParts: GuidePart[];
  /** Bold labels that are not a question part; their text is not imported. */
  unknownParts: GuidePart[];
  /** Text inside the question but outside any part (e.g. the question text under a bare "### Q1"). */
  looseText: Block[];
}

export interface ParsedGuide {
  questions: ParsedQuestion[];
  /** Labelled parts outside any question, such as "Mock Interview Pacing". */
  otherParts: GuidePart[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
const RULE = /^\s*([-*_])(?:\s*\1){2,}\s*$/;
const LABEL = /^\*\*([^*]+?)(:?)\*\*\s*(:?)\s*(.*)$/;
const QUESTION_PREFIX = [/^q(?:uestion)?\s*(?:\d+)?\s*(?:[:.)\-–—]|$)\s*(.*)$/i, /^q(?:uestion)?\s*\d+\s+(.*)$/i];

/** The question text of a heading such as "Q1: Design X", or undefined when it is not a question heading. */
export function questionHeadingTitle(heading: string): string | undefined {
  for (const pattern of QUESTION_PREFIX) {
    const match = pattern.exec(heading.trim());
    if (match) return (match[1] ?? '').trim();
  }
  return undefined;
}

/** `**Label**: text` or `**Label:** text`; a bold phrase without a colon is just emphasis. */
function parseLabel(line: string): { label: string; rest: string } | undefined {
  const match = LABEL.exec(line.trim());
  if (!match || (match[2] === '' && match[3] === '')) return undefined;
  return { label: (match[1] ?? '').trim(), rest: match[4] ?? '' };
}

function isQuestionLike(question: ParsedQuestion): boolean {
  return question.prefixed || question.parts.summary !== undefined || question.parts.deepAnswer !== undefined;
}

export function parseGuide(markdown: string): ParsedGuide {
  const guide: ParsedGuide = { questions: [], otherParts: [] };
  let section: string | undefined;
  let question: ParsedQuestion | undefined;
  let collector: BlockCollector | undefined;
  let inFence = false;

  const endQuestion = (): void => {
    if (question) {
      if (isQuestionLike(question)) guide.questions.push(question);
      else guide.otherParts.push(...Object.values(question.parts), ...question.unknownParts);
    }
    question = undefined;
    collector = undefined;
  };

  const startQuestion = (title: string, line: number, prefixed: boolean): void => {
    endQuestion();
    question = { title, line, section, prefixed, parts: {}, repeatedParts: [], unknownParts: [], looseText: [] };
    collector = new BlockCollector(question.looseText);
  };

  const startPart = (label: string, line: number, rest: string): void => {
    const part: GuidePart = { label, key: partKeyForLabel(label), line, blocks: [] };
    let blocks = part.blocks;
    if (!question) {
      guide.otherParts.push(part);
    } else if (part.key === undefined) {
      question.unknownParts.push(part);
    } else {
      const earlier = question.parts[part.key];
      if (earlier) {
        question.repeatedParts.push(part);
        blocks = earlier.blocks;
      } else {
        question.parts[part.key] = part;
      }
    }
    collector = new BlockCollector(blocks);
    if (rest.trim() !== '') collector.text(rest, line);
  };

  markdown.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (FENCE.test(text)) {
      inFence = !inFence;
      collector?.close();
      return;
    }
    if (inFence) {
      collector?.code(text, line);
      return;
    }
    const heading = HEADING.exec(text);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const title = heading[2] ?? '';
      const questionTitle = level >= 3 ? questionHeadingTitle(title) : undefined;
      if (level <= 2) {
        endQuestion();
        section = level === 2 ? title : undefined;
      } else if (questionTitle !== undefined) {
        startQuestion(questionTitle, line, true);
      } else if (question && partKeyForLabel(title) !== undefined) {
        startPart(title, line, '');
      } else if (level === 3) {
        startQuestion(title, line, false);
      } else {
        collector?.close();
      }
      return;
    }
    if (RULE.test(text)) {
      // A rule ends the part; what follows belongs to no part until the next label.
      collector = question ? new BlockCollector(question.looseText) : undefined;
      return;
    }
    const label = parseLabel(text);
    if (label && (question || section !== undefined)) {
      startPart(label.label, line, label.rest);
      return;
    }
    collector?.text(text, line);
  });
  endQuestion();
  return guide;
}
