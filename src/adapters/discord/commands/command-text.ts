import { UserError } from '../../../core/errors.ts';

/**
 * Discord options → the words of the shared `/obs-question` grammar, so the worker parses a
 * Discord command exactly like a Slack one. Each option must be one word of the kind it
 * names: a value with spaces could otherwise smuggle in another sub-command
 * (`topic: "daily off"`).
 */
export interface CommandOptions {
  group: string | null;
  subcommand: string;
  get(name: string): string | null;
}

/** Sub-commands that change a channel's or server's settings: Manage Server only. */
export function needsManageServer(options: CommandOptions): boolean {
  if (options.group === 'daily') return ['set', 'off', 'now', 'reveal-after'].includes(options.subcommand);
  return options.subcommand === 'scoring' && options.get('choice') !== null;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const WORD = /^[^\s]+$/;

function word(options: CommandOptions, name: string, pattern: RegExp, hint: string): string | undefined {
  const value = options.get(name)?.trim();
  if (value === undefined || value === '') return undefined;
  if (!pattern.test(value)) throw new UserError('bad_option', `The ${name} “${value.slice(0, 60)}” is not valid: ${hint}`);
  return value;
}

function topicsOf(options: CommandOptions): string[] {
  const raw = options.get('topics')?.trim();
  if (!raw) return [];
  const topics = raw.split(/[\s,]+/).filter(Boolean).map((topic) => topic.toLowerCase());
  const bad = topics.find((topic) => !SLUG.test(topic));
  if (bad) throw new UserError('bad_option', `“${bad.slice(0, 60)}” is not a topic. See \`/obs-question topics\`.`);
  return [topics.join(',')];
}

export function commandText(options: CommandOptions): string {
  const topic = (): string[] => {
    const value = word(options, 'topic', SLUG, 'topics are lower-case words such as `distributed-tracing` (see `/obs-question topics`).');
    return value ? [value.toLowerCase()] : [];
  };
  if (options.group === 'daily') {
    switch (options.subcommand) {
      case 'set':
        return [
          'daily',
          'set',
          word(options, 'time', WORD, 'use 24-hour HH:MM, e.g. 09:30.') ?? '',
          ...[word(options, 'timezone', WORD, 'use an Area/City zone such as Europe/Berlin.'), word(options, 'days', WORD, 'use mon-fri, weekdays, daily or a list such as mon,wed,fri.')].filter((value): value is string => value !== undefined),
          ...topicsOf(options),
        ].join(' ');
      case 'reveal-after':
        return `daily reveal-after ${word(options, 'duration', WORD, 'use a duration such as 6h, 90m or 4h30m.') ?? ''}`.trim();
      default:
        return `daily ${options.subcommand}`;
    }
  }
  switch (options.subcommand) {
    case 'ask':
      return topic().join(' ');
    case 'mock':
      return ['mock', ...topic()].join(' ');
    case 'peer': {
      // A user option's value is the id; the grammar reads a mention, as Slack sends it.
      const candidate = word(options, 'candidate', /^\d{1,25}$/, 'choose a member of this server.');
      return ['peer', ...(candidate ? [`<@${candidate}>`] : []), ...topic()].join(' ');
    }
    case 'pair': {
      const action = options.get('action') ?? 'status';
      // At most three words (a day, a time, a zone), each a plain token: nothing else can ride along.
      const value = (options.get('value') ?? '').trim().split(/\s+/).filter(Boolean);
      const bad = value.length > 3 || value.find((part) => !/^[\w:/+-]+$/.test(part));
      if (bad) throw new UserError('bad_option', 'The value is not valid: use e.g. `2w` for snooze, or `mon 09:30 Europe/Berlin` for schedule.');
      return ['pair', action, ...value].join(' ');
    }
    case 'stats': {
      const visibility = options.get('public');
      return visibility === 'on' || visibility === 'off' ? `stats public ${visibility}` : 'stats';
    }
    case 'scoring': {
      const choice = options.get('choice');
      if (!choice) return 'scoring';
      return `scoring ${choice} ${options.get('scope') === 'workspace' ? 'workspace' : 'channel'}`;
    }
    default:
      return options.subcommand;
  }
}
