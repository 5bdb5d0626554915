/** Slugs as the content schema wants them: lowercase words joined by single dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Shortens a slug at a dash so it never ends mid-word (unless one word is longer than `max`). */
export function capSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1).lastIndexOf('-');
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Returns `base`, or `base-2`, `base-3`… the first one not taken, and marks it taken. */
export function uniqueSlug(base: string, taken: Set<string>, max: number): string {
  let candidate = capSlug(base, max);
  for (let n = 2; taken.has(candidate); n += 1) {
    const suffix = `-${n}`;
    candidate = `${capSlug(base, max - suffix.length)}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}
