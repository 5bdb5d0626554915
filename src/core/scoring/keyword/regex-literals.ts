/*
 * Which words a content regex needs: a cheap, sound pre-filter for misconception patterns.
 *
 * `requiredWordStarts(source)` reads a pattern (JavaScript syntax, compiled with "i" and
 * without "u") and returns groups of lower-case literals: every string the pattern matches
 * contains, for each group, one of its literals at the start of a word ("\bsampl", "\s+until").
 * A sentence without such a word for every group can't match, and the regex is never run on
 * it. "Start of a word" is meant as a regex `\b` sees it: the character before is not
 * [A-Za-z0-9_]. Anything the reader does not follow only makes the answer weaker (fewer
 * groups), never wrong: an unknown construct consumes unknown characters and promises nothing.
 */

/** Literals need this many leading ASCII letters: the pre-filter looks words up by their first three. */
export const MIN_LITERAL_LETTERS = 3;

interface Quantifier {
  min: number;
  max: number;
}

type Atom =
  | { kind: 'char'; char: string }
  /** Consumes one character that is never a word character (\s, \W, [- ], "."...); `chars`
   * lists them when the pattern spells them all out ("[([]"). */
  | { kind: 'nonword'; chars?: string }
  /** Consumes characters that may be word characters, or whose kind is not known; `digit`: one of 0-9 (\d). */
  | { kind: 'other'; digit?: boolean }
  | { kind: 'boundary' }
  /** Zero-width and promising nothing about the next character (\B, $, look-behinds). */
  | { kind: 'zero' }
  | { kind: 'group'; body: Sequence[]; lookahead: boolean; negative: boolean };

interface Node {
  atom: Atom;
  quantifier: Quantifier;
}

type Sequence = Node[];

class Unreadable extends Error {}

const ONE: Quantifier = { min: 1, max: 1 };

function isAsciiAlnum(char: string): boolean {
  return /^[A-Za-z0-9]$/.test(char);
}

function isWordChar(char: string): boolean {
  return /^\w$/.test(char);
}

class Reader {
  position = 0;

  constructor(private readonly source: string) {}

  private peek(offset = 0): string {
    return this.source.charAt(this.position + offset);
  }

  private done(): boolean {
    return this.position >= this.source.length;
  }

  disjunction(): Sequence[] {
    const alternatives: Sequence[] = [this.sequence()];
    while (this.peek() === '|') {
      this.position += 1;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): Sequence {
    const nodes: Node[] = [];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      nodes.push({ atom, quantifier: this.quantifier() });
    }
    return nodes;
  }

  private quantifier(): Quantifier {
    const char = this.peek();
    let quantifier: Quantifier | undefined;
    if (char === '*') quantifier = { min: 0, max: Infinity };
    else if (char === '+') quantifier = { min: 1, max: Infinity };
    else if (char === '?') quantifier = { min: 0, max: 1 };
    if (quantifier) this.position += 1;
    else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (!braces) return ONE;
      const min = Number(braces[1]);
      quantifier = { min, max: braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]) };
      this.position += braces[0].length;
    } else return ONE;
    // Lazy or not, the same strings match.
    if (this.peek() === '?') this.position += 1;
    return quantifier;
  }

  private atom(): Atom {
    const char = this.peek();
    this.position += 1;
    switch (char) {
      case '\\':
        return this.escape();
      case '.':
        return { kind: 'other' };
      case '^':
        // Start of the input: what follows starts a word.
        return { kind: 'boundary' };
      case '$':
        return { kind: 'zero' };
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case '*': case '+': case '?': case ')':
        throw new Unreadable(char);
      default:
        return { kind: 'char', char };
    }
  }

  private group(): Atom {
    let lookahead = false;
    let negative = false;
    let behind = false;
    const rest = this.source.slice(this.position);
    if (rest.startsWith('?:')) this.position += 2;
    else if (rest.startsWith('?=') || rest.startsWith('?!')) {
      lookahead = true;
      negative = rest.charAt(1) === '!';
      this.position += 2;
    } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
      behind = true;
      this.position += 3;
    } else if (rest.startsWith('?<')) {
      const close = rest.indexOf('>');
      if (close === -1) throw new Unreadable('group name');
      this.position += close + 1;
    } else if (rest.startsWith('?')) throw new Unreadable('group');
    const body = this.disjunction();
    if (this.peek() !== ')') throw new Unreadable('unclosed group');
    this.position += 1;
    // A look-behind checks text before the current position: it promises nothing here.
    if (behind) return { kind: 'zero' };
    return { kind: 'group', body, lookahead, negative };
  }

  private escape(): Atom {
    const char = this.peek();
    this.position += 1;
    if (char === '') throw new Unreadable('trailing backslash');
    if (char === 'b') return { kind: 'boundary' };
    if (char === 'B') return { kind: 'zero' };
    if (char === 's' || char === 'W') return { kind: 'nonword' };
    if (char === 'd') return { kind: 'other', digit: true };
    if (/[DwS]/.test(char)) return { kind: 'other' };
    // Back-references, \k<name>, \xhh, \uhhhh, \cX, \0, \p...: not followed, so promise nothing.
    if (/[0-9kxucpP]/.test(char)) return { kind: 'other' };
    if (char === 't' || char === 'n' || char === 'r' || char === 'f' || char === 'v') return { kind: 'nonword' };
    // An escaped character stands for itself ("\.", "\-", "\/").
    return isWordChar(char) ? { kind: 'other' } : { kind: 'char', char };
  }

  /** A class that can only match non-word characters is "nonword"; anything else "other". */
  private characterClass(): Atom {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.position += 1;
    }
    let wordy = negated;
    // Whether `members` is every character the class matches (no \s, no ranges).
    let listed = !negated;
    const members: string[] = [];
    while (!this.done() && this.peek() !== ']') {
      const char = this.peek();
      this.position += 1;
      if (char === '\\') {
        const escaped = this.peek();
        this.position += 1;
        // \s and \W and control escapes are non-word; \w, \d, \S, \D, \b (backspace is fine but rare),
        // and numeric or unicode escapes may stand for anything: call them word characters.
        if (escaped === 's' || escaped === 'W' || escaped === 't' || escaped === 'n' || escaped === 'r' || escaped === 'f' || escaped === 'v') {
          members.push(' ');
          listed = false;
        } else if (/[\w]/.test(escaped)) wordy = true;
        else members.push(escaped);
        continue;
      }
      if (char === '-' && members.length > 0 && this.peek() !== ']' && this.peek() !== '') {
        // A range: anything but a range of non-word characters outside [0-9A-Z_a-z] is wordy.
        const low = members[members.length - 1] ?? '';
        let high = this.peek();
        this.position += 1;
        if (high === '\\') {
          high = this.peek();
          this.position += 1;
          if (/\w/.test(high)) wordy = true;
        }
        if (rangeHasWordChar(low, high)) wordy = true;
        listed = false;
        continue;
      }
      members.push(char);
    }
    if (this.peek() !== ']') throw new Unreadable('unclosed class');
    this.position += 1;
    if (members.some(isWordChar)) wordy = true;
    if (wordy) return { kind: 'other' };
    return listed ? { kind: 'nonword', chars: members.join('') } : { kind: 'nonword' };
  }
}

function rangeHasWordChar(low: string, high: string): boolean {
  const from = low.charCodeAt(0);
  const to = high.charCodeAt(0);
  const overlaps = (a: number, b: number): boolean => from <= b && to >= a;
  return overlaps(48, 57) || overlaps(65, 90) || overlaps(95, 95) || overlaps(97, 122);
}

/** After this point, a word character would start a word. */
const AT_BOUNDARY = true;

interface Analysis {
  groups: string[][];
  /** Whether the text matched so far ends at a word boundary (see AT_BOUNDARY). */
  exit: boolean;
}

function analyzeDisjunction(alternatives: readonly Sequence[], entry: boolean): Analysis {
  const analyses = alternatives.map((sequence) => analyzeSequence(sequence, entry));
  if (analyses.length === 1 && analyses[0]) return analyses[0];
  const exit = analyses.every((analysis) => analysis.exit);
  // Each alternative implies its own k-th group, so the union of k-th groups is implied by all.
  const depth = Math.min(...analyses.map((analysis) => analysis.groups.length));
  const groups: string[][] = [];
  for (let k = 0; k < depth; k += 1) groups.push([...new Set(analyses.flatMap((analysis) => analysis.groups[k] ?? []))]);
  return { groups, exit };
}

function analyzeSequence(sequence: Sequence, entry: boolean): Analysis {
  const groups: string[][] = [];
  let state = entry;
  let run = '';
  let runAtWordStart = false;
  const flush = (): void => {
    if (runAtWordStart && /^[a-z]{3}/.test(run)) groups.push([run]);
    run = '';
    runAtWordStart = false;
  };
  for (const { atom, quantifier } of sequence) {
    const once = quantifier.min === 1 && quantifier.max === 1;
    if (atom.kind === 'char' && once && isAsciiAlnum(atom.char)) {
      if (run === '') runAtWordStart = state === AT_BOUNDARY && /[A-Za-z]/.test(atom.char);
      run += atom.char.toLowerCase();
      state = !AT_BOUNDARY;
      continue;
    }
    flush();
    const optional = quantifier.min === 0;
    let after: boolean;
    switch (atom.kind) {
      case 'char':
        after = !isWordChar(atom.char);
        break;
      case 'nonword':
        after = AT_BOUNDARY;
        break;
      case 'other':
        after = !AT_BOUNDARY;
        break;
      case 'boundary':
        after = AT_BOUNDARY;
        break;
      case 'zero':
        after = state;
        break;
      case 'group': {
        if (atom.lookahead) {
          // Zero-width: a positive look-ahead's words must still be in the sentence.
          if (!atom.negative && !optional) groups.push(...analyzeDisjunction(atom.body, state).groups);
          after = state;
          break;
        }
        const first = analyzeDisjunction(atom.body, state);
        if (!optional) groups.push(...first.groups);
        after = first.exit;
        // A later repetition starts where the previous one ended: assume nothing about it.
        if (quantifier.max > 1) after = after && analyzeDisjunction(atom.body, !AT_BOUNDARY).exit;
        break;
      }
    }
    // Skipped entirely, the state is unchanged; repeated, it is what one more time leaves.
    state = optional ? state && after : after;
  }
  flush();
  return { groups, exit: state };
}

/**
 * Groups of lower-case literals (at least MIN_LITERAL_LETTERS leading letters each) such that
 * any match of `source` has, for every group, a word starting with one of its literals.
 * Empty when nothing is certain or the pattern is beyond this reader.
 */
export function requiredWordStarts(source: string): string[][] {
  try {
    const reader = new Reader(source);
    const alternatives = reader.disjunction();
    if (reader.position !== source.length) return [];
    const groups = analyzeDisjunction(alternatives, !AT_BOUNDARY).groups;
    const seen = new Set<string>();
    return groups.filter((group) => {
      const key = [...group].sort().join('|');
      if (group.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  } catch (error) {
    if (error instanceof Unreadable) return [];
    throw error;
  }
}

/**
 * Where a match of `source` can begin (for grader-addressed scans, see word-starts.ts): each
 * branch must start, after a `\b`, with a letter or digit, or with a listed non-word
 * character ("(", "["). A word is the first three letters or digits a branch starts with
 * (lower case), or fewer, `exact` when the pattern then needs a non-word character ("a.i."),
 * otherwise open ("AI" also matches "aim"). Undefined when some branch could start anywhere
 * else, or the pattern is beyond this reader: then nothing can be skipped.
 */
export interface MatchStarts {
  words: { word: string; exact: boolean }[];
  chars: string;
}

/** `letters`: how many first letters or digits of each word to read (three by default, as said above). */
export function matchStarts(source: string, letters = 3): MatchStarts | undefined {
  try {
    const reader = new Reader(source);
    const alternatives = reader.disjunction();
    if (reader.position !== source.length) return undefined;
    const starts: MatchStarts = { words: [], chars: '' };
    for (const alternative of alternatives) if (!startsOf(alternative, false, starts, letters)) return undefined;
    return starts;
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

/** Follows a group that may repeat: what comes after it is not known. */
const UNKNOWN_NEXT: Node = { atom: { kind: 'other' }, quantifier: ONE };

/** Adds where a match of `sequence` can begin to `starts`; false when it can't tell. */
function startsOf(sequence: Sequence, afterBoundary: boolean, starts: MatchStarts, letters: number): boolean {
  const [node, ...rest] = sequence;
  // A branch that can match the empty string matches anywhere.
  if (!node) return false;
  const { atom, quantifier } = node;
  if (atom.kind === 'boundary') return startsOf(rest, true, starts, letters);
  // Other zero-width atoms say nothing: skipping them only lets more positions through.
  if (atom.kind === 'zero' || (atom.kind === 'group' && atom.lookahead) || quantifier.max === 0) return startsOf(rest, afterBoundary, starts, letters);
  if (quantifier.min === 0 && !startsOf(rest, afterBoundary, starts, letters)) return false;
  switch (atom.kind) {
    case 'char': {
      if (!isAsciiAlnum(atom.char)) {
        if (isWordChar(atom.char)) return false;
        starts.chars += atom.char;
        return true;
      }
      if (!afterBoundary) return false;
      let word = atom.char.toLowerCase();
      let index = 1;
      let repeats = quantifier.max !== 1;
      while (!repeats && word.length < letters) {
        const next = sequence[index];
        if (!next || next.atom.kind !== 'char' || !isAsciiAlnum(next.atom.char) || next.quantifier.min < 1) break;
        word += next.atom.char.toLowerCase();
        repeats = next.quantifier.max !== 1;
        index += 1;
      }
      const after = sequence[index];
      const endsWord = after !== undefined && after.quantifier.min >= 1 && (after.atom.kind === 'nonword' || (after.atom.kind === 'char' && !isWordChar(after.atom.char)));
      starts.words.push({ word, exact: word.length < 3 && !repeats && endsWord });
      return true;
    }
    case 'nonword':
      if (atom.chars === undefined) return false;
      starts.chars += atom.chars;
      return true;
    case 'other':
      if (!atom.digit || !afterBoundary) return false;
      for (const digit of '0123456789') starts.words.push({ word: digit, exact: false });
      return true;
    case 'group': {
      const next = quantifier.max === 1 ? rest : [UNKNOWN_NEXT];
      return atom.body.every((alternative) => startsOf([...alternative, ...next], afterBoundary, starts, letters));
    }
    default:
      return false;
  }
}
