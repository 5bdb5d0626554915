/** `3d`, `2w`: a snooze length; at most 12 weeks so a forgotten snooze still ends. */
const UNIT_MS = { d: 86_400_000, w: 7 * 86_400_000 } as const;
export const MAX_SNOOZE_MS = 12 * UNIT_MS.w;

export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,3})([dw])$/.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as 'd' | 'w'];
  return ms > 0 && ms <= MAX_SNOOZE_MS ? ms : undefined;
}
