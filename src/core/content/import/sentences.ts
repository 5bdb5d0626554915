/**
 * Splits prose into sentences. Guides are full of things a naive split on "." breaks:
 * "vs.", "e.g.", decimals such as 99.99%, asides in parentheses and `code`, so a sentence
 * ends only at . ! ? outside brackets and code, followed by whitespace and a capital,
 * digit or quote (or the end of the text).
 */
const ABBREVIATIONS = new Set(['vs', 'e.g', 'i.e', 'eg', 'ie', 'etc', 'approx', 'cf', 'incl', 'esp', 'no', 'fig', 'dr', 'mr', 'ms']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '*', '_']);
const OPENERS = /[\p{Lu}\p{N}"'“‘`*[(]/u;

function endsWithAbbreviation(text: string): boolean {
  const word = /([A-Za-z.]+)$/.exec(text)?.[1]?.toLowerCase() ?? '';
  return ABBREVIATIONS.has(word.replace(/\.$/, ''));
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let depth = 0;
  let inCode = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '`') inCode = !inCode;
    if (inCode) continue;
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (depth > 0 || (char !== '.' && char !== '!' && char !== '?')) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text.charAt(end))) end += 1;
    const rest = text.slice(end);
    const next = /^\s+(\S)/.exec(rest)?.[1];
    const atEnd = rest.trim() === '';
    if (!atEnd && (next === undefined || !OPENERS.test(next))) continue;
    if (char === '.' && endsWithAbbreviation(text.slice(start, i))) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
    i = end - 1;
  }
  const tail = text.slice(start).trim();
  if (tail !== '') sentences.push(tail);
  return sentences.filter((sentence) => sentence !== '');
}
