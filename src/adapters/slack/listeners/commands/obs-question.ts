import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import { helpText, parseObsCommand, type ObsCommand } from '../../../../core/commands/index.ts';
import { metrics, subcommandLabel } from '../../../../infra/metrics.ts';
import type { CommandJob } from '../../../../queue/jobs.ts';
import type { SlackAppDeps } from '../../deps.ts';
import { dispatch } from '../../dispatch.ts';
import { MOCK_STARTING_TEXT } from '../../messages.ts';

export const OBS_COMMAND = '/obs-question';

/**
 * What the ack carries. Help and not-understood are answered right here, with no job; a
 * mock interview takes a moment to set up, so it says so; everything else shows up on its
 * own (the question in the channel, or an ephemeral reply from the worker).
 */
export function ackFor(parsed: ObsCommand): RespondArguments | undefined {
  if (parsed.kind === 'help') return { response_type: 'ephemeral', text: helpText({ command: OBS_COMMAND }) };
  if (parsed.kind === 'unknown') return { response_type: 'ephemeral', text: helpText({ command: OBS_COMMAND, notUnderstood: parsed.word }) };
  if (parsed.kind === 'mock') return { response_type: 'ephemeral', text: MOCK_STARTING_TEXT };
  return undefined;
}

/** Whether the command becomes a job for the worker; help and not-understood do not. */
export function needsJob(parsed: ObsCommand): boolean {
  return parsed.kind !== 'help' && parsed.kind !== 'unknown';
}

/**
 * The text stays in Slack's wire format (`<@U1|ana>`, `&lt;`): later sub-commands such as
 * `peer @ana` need the user id inside the mention, and the worker parses it with the same
 * grammar. The trigger id is unique per invocation, so it is the dedupe key.
 */
export function commandJobFrom(command: SlashCommand, receivedAt: number): CommandJob {
  return {
    kind: 'command',
    platform: 'slack',
    workspaceId: command.team_id,
    channelId: command.channel_id,
    userId: command.user_id,
    dedupeKey: command.trigger_id,
    receivedAt,
    responseUrl: command.response_url,
    text: command.text ?? '',
  };
}

export function register(app: App, deps: SlackAppDeps): void {
  app.command(OBS_COMMAND, async ({ command, ack, respond }) => {
    const receivedAt = deps.now();
    const parsed = parseObsCommand(command.text ?? '');
    metrics.commands.inc({ platform: 'slack', subcommand: subcommandLabel(parsed.kind) });
    const ackBody = ackFor(parsed);
    await dispatch(
      {
        name: `command:${OBS_COMMAND}`,
        logger: deps.logger,
        fields: { team: command.team_id, channel: command.channel_id, user: command.user_id, sub: parsed.kind },
        ack: () => (ackBody ? ack(ackBody) : ack()),
        replyPrivately: async (text) => {
          await respond({ response_type: 'ephemeral', text });
        },
      },
      async () => {
        if (needsJob(parsed)) await deps.producer.enqueue(commandJobFrom(command, receivedAt));
      },
    );
  });
}
