import type { AutocompleteInteraction } from 'discord.js';
import type { DiscordBotDeps } from '../deps.ts';

/** Discord shows at most 25 choices. */
const MAX_CHOICES = 25;

let zones: readonly string[] | undefined;
/** Every IANA zone this runtime knows, read once. */
function timeZones(): readonly string[] {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return zones;
}

/** Prefix matches first, then matches anywhere (`berl` → Europe/Berlin). */
export function suggest(values: readonly string[], typed: string): string[] {
  const needle = typed.trim().toLowerCase();
  if (!needle) return values.slice(0, MAX_CHOICES);
  const starts = values.filter((value) => value.toLowerCase().startsWith(needle));
  const contains = values.filter((value) => !value.toLowerCase().startsWith(needle) && value.toLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, MAX_CHOICES);
}

/** `tracing, samp` → `tracing, sampling`…: completes the last topic of a list. */
export function suggestTopicList(topics: readonly string[], typed: string): string[] {
  const parts = typed.split(',');
  const last = parts.pop() ?? '';
  const chosen = parts.map((part) => part.trim()).filter(Boolean);
  const head = chosen.length > 0 ? `${chosen.join(',')},` : '';
  return suggest(topics.filter((topic) => !chosen.includes(topic)), last)
    .map((topic) => `${head}${topic}`)
    .filter((value) => value.length <= 100);
}

/** Autocomplete needs no dedupe and no job: it is answered at once from what the bot holds. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: DiscordBotDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  let values: string[];
  if (focused.name === 'timezone') values = suggest(timeZones(), focused.value);
  else if (focused.name === 'topics') values = suggestTopicList(deps.topics(), focused.value);
  else if (focused.name === 'topic') values = suggest(deps.topics(), focused.value);
  else values = [];
  try {
    await interaction.respond(values.map((value) => ({ name: value, value })));
  } catch (error) {
    deps.logger.warn('autocomplete reply failed', { error, option: focused.name });
  }
}
