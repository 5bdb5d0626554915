import type { SelfRating } from '../../store/self-assessment-store.ts';

/**
 * Custom ids of the Got it / Partly / Missed buttons after a reveal. Discord gives a custom
 * id 100 characters and a button no other value, so one id carries the point, the rating,
 * the session's channel and thread, and the question: `obs:sa:<point>:<g|p|m>:<channel>:<thread>:<question id>`.
 * The server is left out: the handler takes it from the interaction, which Discord vouches
 * for (and a press outside that server's channel or thread is refused as stale).
 */
export const SELF_ASSESS_ID_PREFIX = 'obs:sa:';
/** The disabled button that names a row's point; never pressed. */
export const SELF_ASSESS_LABEL_PREFIX = 'obs:sa-point:';
const MAX_CUSTOM_ID = 100;

const LETTER: Record<SelfRating, string> = { got: 'g', partly: 'p', missed: 'm' };
const RATING_OF: Record<string, SelfRating> = { g: 'got', p: 'partly', m: 'missed' };

export interface SelfAssessPress {
  point: number;
  rating: SelfRating;
  channelId: string;
  threadMessageId: string;
  questionId: string;
}

/** Undefined when the id would not fit in 100 characters (the panel is then left out, never sent broken). */
export function encodeSelfAssessId(press: SelfAssessPress): string | undefined {
  const id = `${SELF_ASSESS_ID_PREFIX}${press.point}:${LETTER[press.rating]}:${press.channelId}:${press.threadMessageId}:${press.questionId}`;
  return id.length <= MAX_CUSTOM_ID ? id : undefined;
}

const PATTERN = /^obs:sa:(\d{1,2}):([gpm]):(\d{1,25}):(\d{1,25}):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Undefined for an id we did not write. */
export function decodeSelfAssessId(customId: string): SelfAssessPress | undefined {
  const match = PATTERN.exec(customId);
  if (!match) return undefined;
  const [, point, letter, channelId, threadMessageId, questionId] = match as unknown as [string, string, string, string, string, string];
  const rating = RATING_OF[letter];
  if (!rating) return undefined;
  return { point: Number(point), rating, channelId, threadMessageId, questionId };
}

export function isSelfAssessId(customId: string): boolean {
  return customId.startsWith(SELF_ASSESS_ID_PREFIX) || customId.startsWith(SELF_ASSESS_LABEL_PREFIX);
}
