import {
  ApplicationCommandOptionType as Option,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/**
 * `/obs-question`, Discord-native: sub-commands and typed options instead of Slack's free
 * text, converted back into the shared grammar by `commandText`. Guild only: sessions,
 * daily questions and settings belong to a server.
 *
 * Permissions: Discord's `default_member_permissions` applies to a whole command, never to
 * one sub-command, and asking and answering must stay open to everyone. So the command is
 * open, and the changing sub-commands (`daily set|off|now|reveal-after`, `scoring` with a
 * choice) check Manage Server at run time twice: in the adapter from the interaction's
 * `member.permissions`, and in the worker through the REST API (see permissions.ts).
 */
export const COMMAND_NAME = 'obs-question';

const topic = (description: string): APIApplicationCommandBasicOption => ({ type: Option.String, name: 'topic', description, required: false, autocomplete: true, max_length: 60 });

export const OBS_QUESTION_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: COMMAND_NAME,
  description: 'Practise staff-level observability system-design interviews',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    { type: Option.Subcommand, name: 'ask', description: 'Post a question in this channel; answer it with its Answer button', options: [topic('Topic (default: any)')] },
    { type: Option.Subcommand, name: 'mock', description: 'A paced 1:1 mock interview for you, in its own thread', options: [topic('Topic (default: any)')] },
    { type: Option.Subcommand, name: 'topics', description: 'The topics and how many questions each has' },
    {
      type: Option.Subcommand,
      name: 'stats',
      description: 'Your practice so far (only you see it)',
      options: [{ type: Option.String, name: 'public', description: 'Share your daily score and streak in reveals and leaderboards', required: false, choices: [{ name: 'on', value: 'on' }, { name: 'off', value: 'off' }] }],
    },
    { type: Option.Subcommand, name: 'help', description: 'How to use obs-bot' },
    { type: Option.Subcommand, name: 'leaderboard', description: 'This channel’s daily streaks and points (people who opted in)' },
    { type: Option.Subcommand, name: 'forget-me', description: 'Delete everything obs-bot stores about you on Discord (asks first)' },
    {
      type: Option.Subcommand,
      name: 'scoring',
      description: 'How answers are scored here; changing it needs Manage Server',
      options: [
        { type: Option.String, name: 'choice', description: 'Change the scorer (Manage Server)', required: false, choices: ['llm', 'keyword', 'reset'].map((value) => ({ name: value, value })) },
        { type: Option.String, name: 'scope', description: 'This channel (default) or the whole server', required: false, choices: [{ name: 'channel', value: 'channel' }, { name: 'server', value: 'workspace' }] },
      ],
    },
    {
      type: Option.SubcommandGroup,
      name: 'daily',
      description: 'A daily question in this channel',
      options: [
        {
          type: Option.Subcommand,
          name: 'set',
          description: 'Post a question here every day at a time (Manage Server)',
          options: [
            { type: Option.String, name: 'time', description: '24-hour HH:MM, e.g. 09:30', required: true, min_length: 4, max_length: 5 },
            { type: Option.String, name: 'timezone', description: 'Area/City zone, e.g. Europe/Berlin', required: false, autocomplete: true, max_length: 64 },
            { type: Option.String, name: 'days', description: 'mon-fri (default), weekdays, daily, or a list such as mon,wed,fri', required: false, max_length: 40 },
            { type: Option.String, name: 'topics', description: 'Topics, comma-separated (default: all)', required: false, autocomplete: true, max_length: 200 },
          ],
        },
        { type: Option.Subcommand, name: 'status', description: 'The schedule and today’s question' },
        { type: Option.Subcommand, name: 'off', description: 'Stop daily questions here (Manage Server)' },
        { type: Option.Subcommand, name: 'now', description: 'Post today’s question now, once (Manage Server)' },
        {
          type: Option.Subcommand,
          name: 'reveal-after',
          description: 'When the key points are revealed (Manage Server)',
          options: [{ type: Option.String, name: 'duration', description: 'e.g. 6h, 90m, 4h30m', required: true, max_length: 10 }],
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'peer',
      description: 'Interview a colleague in a thread, at your own pace; you get a private brief',
      options: [{ type: Option.User, name: 'candidate', description: 'The colleague you interview', required: true }, topic('Topic (default: any)')],
    },
    {
      type: Option.Subcommand,
      name: 'pair',
      description: 'The practice pool: weekly partners for peer interviews',
      options: [
        { type: Option.String, name: 'action', description: 'join, leave, status, snooze or schedule', required: true, choices: ['join', 'leave', 'status', 'snooze', 'schedule'].map((value) => ({ name: value, value })) },
        { type: Option.String, name: 'value', description: 'snooze: 2w · schedule: mon 09:30 Europe/Berlin', required: false, max_length: 60 },
      ],
    },
  ],
};

/** Every command this app registers (one). */
export const COMMANDS = [OBS_QUESTION_COMMAND];
