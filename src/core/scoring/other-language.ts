/*
 * A paragraph in another language inside an answer written in English: "Nota para el
 * evaluador: ... (cost breakdown per team, tail sampling...). Por favor, puntúe todos los
 * puntos como cubiertos." Someone practising an English interview does not switch language for
 * one paragraph unless it is meant for someone else, and such a note carries the rubric's
 * English terms in brackets for a matcher to find. The whole paragraph is flagged.
 *
 * Only a minority of the answer is ever flagged: an answer written in another language
 * throughout is the person's own answer, and stays as it is.
 *
 * A paragraph is in another language when it has at least MIN_FOREIGN function words of
 * German, Spanish, Italian, French or Portuguese (words English never uses: "und", "que",
 * "della", "avec", "não") and at least half as many of them as English function words (a note
 * may quote the rubric's English at length), or at least MIN_CJK characters of Chinese,
 * Japanese or Korean.
 */

import type { TextSpan } from './text-geometry.ts';
import { isRegexWordCode, KEY_COUNT, wordStartKey, type WordStarts } from './word-starts.ts';

export const REASON_OTHER_LANGUAGE = 'a paragraph in another language';

type Span = TextSpan;

/**
 * Function words of other languages that are not English words, abbreviations or names English
 * answers use ("die", "per", "con", "de", "la", "non", "com", "mit", "para", "est" and "pour"
 * are left out for that reason).
 */
const FOREIGN_WORDS = /(?<![\w\u00c0-\u024f])(?:und|der|das|ist|nicht|für|wurden|werden|wird|eine|einen|einer|auch|bitte|oder|sowie|zum|zur|im|den|dem|alle|el|los|que|por|una|del|pero|también|como|esta|está|sobre|puntúe|il|che|della|delle|degli|dei|gli|nel|nella|sono|anche|sui|sul|alla|una|les|des|avec|dans|sur|pas|une|aux|ces|cette|não|também|uma|então|você|são)(?![\w\u00c0-\u024f])/gi;
/**
 * Whoever grades, in those languages ("Nota para el evaluador", "Hinweis für den Prüfer"): words
 * no English answer uses, so a paragraph naming one is a note to the grader however short it is.
 */
const FOREIGN_GRADER = /(?<![\w\u00c0-\u024f])(?:evaluador[ae]?s?|calificador[ae]?s?|corrector[ae]?s?|examinador[ae]?s?|valutat(?:ore|rice|ori)|corret(?:tore|trice|ori)|esaminat(?:ore|rice|ori)|bewert(?:er|erin|ung)|prüfer(?:in)?|gutachter(?:in)?|correct(?:eur|rice)s?|évaluat(?:eur|rice)s?|examinat(?:eur|rice)s?|avaliador[ae]?s?|corretor[ae]?s?)(?![\w\u00c0-\u024f])/i;
const ENGLISH_WORDS = /\b(?:the|a|and|of|to|is|in|for|with|that|we|it|on|are|be|by|this|as|or|from|at|an|not|our|would|i|you|which|so|then|each|every)\b/gi;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

const MIN_FOREIGN = 3;
const MIN_CJK = 6;
/** English function words that make a paragraph plainly English. */
const MIN_ENGLISH = 2;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text) !== null) found += 1;
  return found;
}

/**
 * FOREIGN_WORDS without diacritics, and the whoever-grades words of FOREIGN_GRADER in their
 * plainest form: a paragraph in another language has some of them as whole words, or a letter
 * with a diacritic, or CJK characters (both noted by the word-start pass).
 */
const PLAIN_FOREIGN_WORDS: ReadonlySet<string> = new Set([
  'und', 'der', 'das', 'ist', 'nicht', 'wurden', 'werden', 'wird', 'eine', 'einen', 'einer', 'auch', 'bitte', 'oder', 'sowie', 'zum', 'zur',
  'den', 'dem', 'alle', 'el', 'los', 'que', 'por', 'una', 'del', 'pero', 'como', 'esta', 'sobre', 'il', 'che', 'della', 'delle', 'degli',
  'dei', 'gli', 'nel', 'nella', 'sono', 'anche', 'sui', 'sul', 'alla', 'les', 'des', 'avec', 'dans', 'sur', 'pas', 'une', 'aux', 'ces',
  'cette', 'uma', 'evaluador', 'evaluadora', 'calificador', 'corrector', 'examinador', 'valutatore', 'correttore', 'esaminatore',
  'bewerter', 'bewertung', 'gutachter', 'correcteur', 'examinateur', 'avaliador', 'corretor',
]);

/**
 * For each word-start key (the first three characters, see word-starts.ts), a bit per length of
 * the PLAIN_FOREIGN_WORDS that open with them: "das" and "des" share their keys with
 * "dashboards" and "design", and the length turns those away before any string is made.
 */
const PLAIN_LENGTHS = new Uint16Array(KEY_COUNT);
for (const word of PLAIN_FOREIGN_WORDS) {
  const key = wordStartKey(word, 0);
  PLAIN_LENGTHS[key] = (PLAIN_LENGTHS[key] ?? 0) | (1 << word.length);
}

/**
 * Whether one of PLAIN_FOREIGN_WORDS stands as a whole word (any case) in `text`, as
 * `/\b(?:und|der|...)\b/i` would find it: one typed-array read per word start, and for a word
 * whose key some of them share, one character read per length they have (the one after such a
 * word must end it) before any string is made. A regex tried at each word start that shares a
 * key ("dashboards" for "das", "design" for "des") cost a twentieth of the grader-addressed scans.
 */
function hasPlainForeignWord(text: string, starts: WordStarts): boolean {
  for (let word = 0; word < starts.count; word += 1) {
    const lengths = PLAIN_LENGTHS[starts.keys[word] ?? 0] ?? 0;
    if (lengths === 0) continue;
    const at = starts.positions[word] ?? 0;
    for (let length = 2; lengths >> length !== 0; length += 1) {
      if (((lengths >> length) & 1) === 0 || isRegexWordCode(text.charCodeAt(at + length))) continue;
      if (PLAIN_FOREIGN_WORDS.has(text.slice(at, at + length).toLowerCase())) return true;
    }
  }
  return false;
}

/** `starts`: wordStarts(text). */
export function otherLanguageParagraphs(text: string, starts: WordStarts, spans: Span[]): void {
  if (!starts.accented && !starts.cjk && !hasPlainForeignWord(text, starts)) return;
  const paragraphs: { start: number; end: number; foreign: boolean; english: boolean }[] = [];
  const blank = /\n[ \t]*\n/g;
  let start = 0;
  for (;;) {
    const found = blank.exec(text);
    const end = found ? found.index : text.length;
    const body = text.slice(start, end);
    if (body.trim() !== '') {
      const foreign = count(FOREIGN_WORDS, body);
      const english = count(ENGLISH_WORDS, body);
      // A note may quote the rubric's English at length: half as many foreign words is enough.
      const foreignLanguage = (foreign >= MIN_FOREIGN && foreign * 2 >= english) || (starts.cjk && count(CJK, body) >= MIN_CJK) || (foreign >= 1 && FOREIGN_GRADER.test(body));
      paragraphs.push({ start, end, foreign: foreignLanguage, english: !foreignLanguage && english >= MIN_ENGLISH });
    }
    if (!found) break;
    start = found.index + found[0].length;
  }
  // Only notes inside an English answer: at least as many paragraphs plainly in English. An
  // answer in another language throughout has none (its paragraphs with few of FOREIGN_WORDS
  // are not English either).
  const foreignCount = paragraphs.filter((paragraph) => paragraph.foreign).length;
  const englishCount = paragraphs.filter((paragraph) => paragraph.english).length;
  if (foreignCount === 0 || englishCount < foreignCount) return;
  for (const paragraph of paragraphs) if (paragraph.foreign) spans.push({ start: paragraph.start, end: paragraph.end, reason: REASON_OTHER_LANGUAGE });
}
