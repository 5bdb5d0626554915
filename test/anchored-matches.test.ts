import { describe, expect, it } from 'vitest';
import { anchoredMatches } from '../src/core/scoring/anchored-matches.ts';

/** What matchAll gives, as [index, text] pairs. */
function viaMatchAll(text: string, pattern: RegExp): [number, string][] {
  return [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
}

function viaAnchored(text: string, pattern: RegExp, first: string): [number, string][] {
  return anchoredMatches(text, pattern, first).map((match) => [match.index, match[0]]);
}

describe('anchoredMatches', () => {
  const TAG = /<([a-z]+)\b[^>]*>[\s\S]*?(?:<\/\1>|$)/gi;

  it('finds what matchAll finds, skipping non-matching anchors and overlapping matches', () => {
    const text = 'a < b <!-- x --> <span hidden>one <b>two</b></span> tail <I>three</i> <x';
    expect(viaAnchored(text, TAG, '<')).toEqual(viaMatchAll(text, TAG));
    // The span (with the <b> inside it) and the <I> element; "<!--", "< b" and the unclosed "<x" are no match.
    expect(viaAnchored(text, TAG, '<').map(([, match]) => match)).toEqual(['<span hidden>one <b>two</b></span>', '<I>three</i>']);
  });

  it('finds nothing in text without the anchor, and keeps capture groups', () => {
    expect(anchoredMatches('no tags here', TAG, '<')).toEqual([]);
    const [match] = anchoredMatches('x <em title="a b c d">y</em>', /<[a-z]+\s+title="([^"]*)"/g, '<');
    expect(match?.[1]).toBe('a b c d');
    expect(match?.index).toBe(2);
  });
});
