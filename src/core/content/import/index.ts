import type { Pacing, QuestionInput } from '../schema.ts';
import { error, type ImportDiagnostic } from './diagnostics.ts';
import { draftPacing } from './draft-pacing.ts';
import { draftQuestion } from './draft-question.ts';
import { parseGuide } from './parse-guide.ts';
import { renderPacingYaml, renderQuestionYaml } from './render-yaml.ts';

/**
 * Markdown study guide -> draft content files, without touching the disk: the caller
 * decides where they go and whether existing files may be replaced.
 */
export interface ImportedQuestion {
  id: string;
  /** The line of its heading in the guide. */
  line: number;
  question: QuestionInput;
  yaml: string;
}

export interface GuideImport {
  questions: ImportedQuestion[];
  pacing: Pacing;
  /** True when the pacing came from the guide, false for the default. */
  pacingFromGuide: boolean;
  pacingYaml: string;
  /** Warnings and errors, in guide order; guide-wide ones (no line) last. */
  diagnostics: ImportDiagnostic[];
}

export interface ImportOptions {
  /** The guide's file name, recorded in each draft's header comment. */
  sourceName: string;
}

function byLine(a: ImportDiagnostic, b: ImportDiagnostic): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

export function importGuide(markdown: string, options: ImportOptions): GuideImport {
  const parsed = parseGuide(markdown);
  const diagnostics: ImportDiagnostic[] = [];
  const questions: ImportedQuestion[] = [];
  const takenIds = new Set<string>();

  if (parsed.questions.length === 0) {
    diagnostics.push(error(undefined, 'no questions found: expected "### Q1: …" (or "### Question: …") headings under "##" sections'));
  }
  for (const parsedQuestion of parsed.questions) {
    const result = draftQuestion(parsedQuestion, takenIds);
    diagnostics.push(...result.diagnostics);
    if (!result.question) continue;
    questions.push({
      id: result.question.id,
      line: parsedQuestion.line,
      question: result.question,
      yaml: renderQuestionYaml(result.question, { file: options.sourceName, line: parsedQuestion.line }),
    });
  }

  const pacing = draftPacing(parsed.otherParts);
  diagnostics.push(...pacing.diagnostics);
  return {
    questions,
    pacing: pacing.pacing,
    pacingFromGuide: pacing.line !== undefined,
    pacingYaml: renderPacingYaml(pacing.pacing, pacing.line === undefined ? undefined : { file: options.sourceName, line: pacing.line }),
    diagnostics: diagnostics.sort(byLine),
  };
}

export { formatDiagnostic, type ImportDiagnostic } from './diagnostics.ts';
export { parseGuide, type GuidePart, type ParsedGuide, type ParsedQuestion } from './parse-guide.ts';
export { draftQuestion } from './draft-question.ts';
export { extractEvidence } from './extract-evidence.ts';
