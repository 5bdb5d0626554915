import { seededRandom, shuffled } from './seeded-random.ts';

/**
 * One pairing round for a channel's pool (like Donut, for practice). Deterministic given
 * the seed. Members are shuffled, then matched greedily avoiding pairs from recent rounds;
 * several shuffles are tried and the one with the fewest repeats wins (ties: the first).
 * An odd count makes one trio. Each group names who interviews first.
 */
export interface PairGroup {
  members: string[];
  /** Suggested first interviewer (the others are candidates in turn). */
  firstInterviewer: string;
}

export interface PairingRound {
  groups: PairGroup[];
  /** Pairs that repeat a recent one because no other arrangement existed. */
  repeats: number;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const ATTEMPTS = 50;

function matchGreedy(order: readonly string[], recent: ReadonlySet<string>): { pairs: [string, string][]; leftover?: string; repeats: number } {
  const left = [...order];
  const pairs: [string, string][] = [];
  let repeats = 0;
  while (left.length >= 2) {
    const first = left.shift() as string;
    let partnerIndex = left.findIndex((other) => !recent.has(pairKey(first, other)));
    if (partnerIndex < 0) {
      partnerIndex = 0;
      repeats += 1;
    }
    const [partner] = left.splice(partnerIndex, 1) as [string];
    pairs.push([first, partner]);
  }
  return left.length === 1 ? { pairs, leftover: left[0] as string, repeats } : { pairs, repeats };
}

/** Where the odd one out joins: the pair whose members it has met least recently. */
function trioFor(pairs: [string, string][], extra: string, recent: ReadonlySet<string>): { index: number; repeats: number } {
  let best = { index: 0, repeats: Infinity };
  pairs.forEach(([a, b], index) => {
    const repeats = Number(recent.has(pairKey(a, extra))) + Number(recent.has(pairKey(b, extra)));
    if (repeats < best.repeats) best = { index, repeats };
  });
  return best;
}

export function pairRound(members: readonly string[], recentPairs: ReadonlySet<string>, seed: string): PairingRound {
  const unique = [...new Set(members)].sort();
  if (unique.length < 2) return { groups: [], repeats: 0 };
  const random = seededRandom(seed);
  let best: { groups: string[][]; repeats: number } | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const { pairs, leftover, repeats } = matchGreedy(shuffled(unique, random), recentPairs);
    const groups: string[][] = pairs.map((pair) => [...pair]);
    let total = repeats;
    if (leftover !== undefined) {
      const trio = trioFor(pairs, leftover, recentPairs);
      groups[trio.index]?.push(leftover);
      total += trio.repeats;
    }
    if (!best || total < best.repeats) best = { groups, repeats: total };
    if (total === 0) break;
  }
  const chosen = best as { groups: string[][]; repeats: number };
  return {
    groups: chosen.groups.map((group) => ({ members: group, firstInterviewer: group[Math.floor(random() * group.length)] as string })),
    repeats: chosen.repeats,
  };
}

/** Every pair inside each group (a trio is three pairs), to remember for later rounds. */
export function pairsOf(groups: readonly PairGroup[]): string[] {
  const keys: string[] = [];
  for (const { members } of groups) {
    for (let i = 0; i < members.length; i += 1) for (let j = i + 1; j < members.length; j += 1) keys.push(pairKey(members[i] as string, members[j] as string));
  }
  return keys;
}
