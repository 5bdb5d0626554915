/**
 * Usage text for the `/obs-question` grammar. Plain text with `code` spans, which Slack
 * mrkdwn, Discord markdown and a terminal all read well.
 */
export interface HelpOptions {
  /** How the platform spells the command: `/obs-question` on Slack and Discord. */
  command?: string;
  /** What the person typed that was not understood; quoted back on the first line. */
  notUnderstood?: string;
}

export function usageLines(command = '/obs-question'): string[] {
  return [
    `\`${command}\`: a random question in this channel; reply in its thread to answer`,
    `\`${command} <topic>\`: a question on one topic (see \`${command} topics\`)`,
    `\`${command} mock [topic]\`: a 1:1 mock interview, paced like the real thing`,
    `\`${command} topics\`: the topics, with how many questions each has`,
    `\`${command} stats\`: your practice so far: questions answered, coverage by topic, streak`,
    `\`${command} stats public on|off\`: show your score and streak in daily reveals and the leaderboard (off by default)`,
    `\`${command} daily set HH:MM [Area/City] [mon-fri|daily|mon,wed,fri] [topic …]\`: a question in this channel every scheduled morning (admins)`,
    `\`${command} daily status|off|now|reveal-after 6h\`: see, stop, post today's question now, or change when the key points are revealed`,
    `\`${command} leaderboard\`: this channel's top daily streaks and points this month (people who opted in)`,
    `\`${command} scoring [llm|keyword|reset] [channel|workspace]\`: see or change how answers are scored here (admins change it)`,
    `\`${command} peer @colleague [topic]\`: interview a colleague in a thread, at your own pace; you get a private brief`,
    `\`${command} pair join|leave|status|snooze 2w\`: weekly practice partners from this channel (\`pair schedule mon 09:30 [Area/City]\`: admins)`,
    `\`${command} forget-me\`: delete everything the bot stores about you on this platform (asks to confirm first)`,
    `\`${command} help\`: this list`,
  ];
}

/** Removes what would break the surrounding code span or be read as markup. */
function safeQuote(text: string): string {
  return text.replace(/[`<>&*_~]/g, '').trim();
}

export function helpText(options: HelpOptions = {}): string {
  const command = options.command ?? '/obs-question';
  const lines: string[] = [];
  if (options.notUnderstood !== undefined) {
    const word = safeQuote(options.notUnderstood);
    lines.push(word ? `I didn't understand \`${word}\`. Here is what I can do:` : `I didn't understand that. Here is what I can do:`);
  } else {
    lines.push('Practise observability system-design interviews:');
  }
  return [...lines, ...usageLines(command).map((line) => `• ${line}`)].join('\n');
}
