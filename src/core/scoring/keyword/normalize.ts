/**
 * Word normalisation shared by rubric phrases and answers. Both sides go through exactly these
 * functions, so a rule only has to be consistent, not linguistically correct: "sampling",
 * "sampled", "samples" and "sample" all become "sampl", and that is all matching needs.
 */

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2019]/g;
const HAS_DIGIT = /\d/;
const DOUBLE_CONSONANT = /([b-df-hj-kmnp-rtv-y])\1$/;

/** Lower case, compatibility forms folded (full-width letters, ligatures), accents and apostrophes dropped. */
export function normalizeWord(raw: string): string {
  let word = raw;
  if (NON_ASCII.test(word)) word = word.normalize('NFKD').replace(COMBINING_MARKS, '');
  word = word.toLowerCase();
  return word.includes("'") || word.includes('\u2019') ? word.replace(APOSTROPHES, '') : word;
}

// "logging" -> "logg" -> "log"; l, s and z stay doubled so "calling" -> "call", not "cal".
function undouble(word: string): string {
  return DOUBLE_CONSONANT.test(word) ? word.slice(0, -1) : word;
}

/** Light suffix stripping of plurals, -ing and -ed on an already normalised word. */
export function stemWord(word: string): string {
  // Short words and anything with a digit ("k8s", "p99", "s3") are names, not inflections.
  if (word.length <= 3 || HAS_DIGIT.test(word)) return word;
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (/(?:x|ch|sh|zz)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  if (stem.endsWith('ing') && stem.length >= 6) stem = undouble(stem.slice(0, -3));
  else if (stem.endsWith('ied') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('ed') && stem.length >= 5) stem = undouble(stem.slice(0, -2));

  // A final "e" goes so that "trace" meets "tracing" ("trac") and "scale" meets "scaling".
  if (stem.endsWith('e') && stem.length >= 4) stem = stem.slice(0, -1);
  return stem;
}
