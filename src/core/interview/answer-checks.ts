/**
 * Checks on an answer before and beside its score: text repeated over and over (scored
 * once, with a note), and an answer far longer than anyone would speak in an interview.
 * Pure and cheap; the caller scores `scoredText`, the engine adds the notes.
 */
export interface AnswerInspection {
  /** What to score: each repeated sentence kept once, in first-seen order. */
  scoredText: string;
  words: number;
  /** Set when most of the answer repeats itself: how many times the most repeated sentence appears. */
  repeated?: { copies: number };
  /** Longer than a spoken answer of about 3 minutes. */
  long: boolean;
}

/** A spoken answer runs 2–3 minutes; people speak about 150 words a minute. */
export const SPOKEN_WORDS_PER_MINUTE = 150;
export const LONG_ANSWER_WORDS = 3 * SPOKEN_WORDS_PER_MINUTE;
/** Repetition worth a note: at least this many repeated sentences, and this share of all. */
const MIN_REPEATS = 3;
const REPEAT_SHARE = 0.3;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function normalise(sentence: string): string {
  return sentence.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function inspectAnswer(text: string): AnswerInspection {
  const words = countWords(text);
  const long = words > LONG_ANSWER_WORDS;
  const sentences = sentencesOf(text);
  const seen = new Map<string, number>();
  const unique: string[] = [];
  for (const sentence of sentences) {
    const key = normalise(sentence);
    if (!key) continue;
    const count = seen.get(key) ?? 0;
    if (count === 0) unique.push(sentence);
    seen.set(key, count + 1);
  }
  const repeats = sentences.length - unique.length;
  if (repeats < MIN_REPEATS || repeats < sentences.length * REPEAT_SHARE) return { scoredText: text, words, long };
  return { scoredText: unique.join(' '), words, long, repeated: { copies: Math.max(...seen.values()) } };
}

/** The gentle notes an interviewer would make about the answer's form, not its content. */
export function formNotes(inspection: AnswerInspection): string[] {
  const notes: string[] = [];
  if (inspection.repeated) {
    notes.push(`Parts of this answer repeat themselves (one sentence ${inspection.repeated.copies} times); I read and scored each point once.`);
  }
  if (inspection.long) {
    const minutes = Math.round(inspection.words / SPOKEN_WORDS_PER_MINUTE);
    notes.push(
      `That's about ${inspection.words} words, roughly ${minutes} minutes spoken. In the room a spoken answer runs 2–3 minutes: lead with the decision, then let the interviewer pull the detail.`,
    );
  }
  return notes;
}
