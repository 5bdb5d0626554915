import { proseOf, type Block } from './blocks.ts';
import { warning, type ImportDiagnostic } from './diagnostics.ts';
import type { ParsedQuestion } from './parse-guide.ts';
import { isGenericFollowUpLabel, PART_KEYS, PART_NAMES } from './part-labels.ts';
import { slugify } from './slug.ts';

/**
 * What an author should fix in the guide's structure around one question: missing or empty
 * parts, unknown labels, text outside any part. Each warning names the question and points
 * at the line to look at.
 */
export function structureWarnings(parsed: ParsedQuestion, label: string, topic: string, loose: readonly Block[]): ImportDiagnostic[] {
  const diagnostics: ImportDiagnostic[] = [];
  const { parts } = parsed;
  if (!parsed.prefixed) {
    diagnostics.push(warning(parsed.line, `heading ${label} has no "Q:" prefix; imported as a question because it has a Summary or Deep Answer`));
  }
  if (parsed.section === undefined || slugify(parsed.section) === '') {
    diagnostics.push(warning(parsed.line, `question ${label} is not under a usable "##" section; topic set to "${topic}"`));
  }
  for (const key of PART_KEYS) {
    const part = parts[key];
    if (!part) diagnostics.push(warning(parsed.line, `question ${label} has no ${PART_NAMES[key]}`));
    else if (proseOf(part.blocks) === '') diagnostics.push(warning(part.line, `question ${label} has an empty ${PART_NAMES[key]}`));
  }
  if (parts.functional && isGenericFollowUpLabel(parts.functional.label)) {
    diagnostics.push(warning(parts.functional.line, `question ${label}: "${parts.functional.label}" is not split into functional and non-functional; imported as functional`));
  }
  for (const part of parsed.repeatedParts) {
    diagnostics.push(warning(part.line, `question ${label} has a second ${part.key ? PART_NAMES[part.key] : part.label}; its text was added to the first`));
  }
  for (const part of parsed.unknownParts) {
    diagnostics.push(warning(part.line, `question ${label}: "${part.label}" is not a known part; its text was not imported`));
  }
  if (loose[0]) {
    diagnostics.push(warning(loose[0].line, `question ${label}: text outside any part was not imported`));
  }
  // A guide has no wrong claims to draft from; the scorer names them only when an author writes them.
  diagnostics.push(warning(parsed.line, `question ${label} has no misconceptions: add at least 3 wrong claims with patterns and a correction (docs/content.md)`));
  return diagnostics;
}
