import type { BlockAction, ButtonAction, SlashCommand } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionJobFrom } from '../../src/adapters/slack/listeners/actions/button-press.ts';
import { ackFor, commandJobFrom, needsJob } from '../../src/adapters/slack/listeners/commands/obs-question.ts';
import { answerFromMessage, type IncomingMessage } from '../../src/adapters/slack/listeners/events/thread-message.ts';
import { decodeButtonValue, encodeButtonValue } from '../../src/adapters/slack/render/buttons.ts';
import { plainTextFromSlack } from '../../src/adapters/slack/text.ts';
import { parseObsCommand } from '../../src/core/commands/index.ts';
import { UserError } from '../../src/core/errors.ts';
import { decodeThreadId } from '../../src/core/thread-id.ts';
import { actionNameSchema, interactionJobSchema, type InteractionJob } from '../../src/queue/jobs.ts';
import { jobIdFor } from '../../src/queue/producers.ts';

/**
 * Our Slack adapter's parsing under fast-check, 10,000 payloads each: slash command bodies,
 * message events and button presses, with Slack's shapes but any values in them (ids with
 * colons and Unicode, empty strings, missing optional fields, forged button values). Each
 * either becomes a job that the queue accepts (schema-valid, with an id BullMQ takes) or is
 * refused cleanly (ignored with a reason, or a UserError the person sees); nothing throws.
 */
const RUNS = 10_000;
const id = fc.oneof(fc.stringMatching(/^[A-Z][A-Z0-9]{1,10}$/), fc.string({ maxLength: 12 }), fc.constantFrom('', 'T1', 'C1', 'U1', 'a:b', '12345', 'T1:C1', '~', ' '));
const ts = fc.oneof(fc.tuple(fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 999_999 })).map(([s, u]) => `${s}.${String(u).padStart(6, '0')}`), fc.string({ maxLength: 20 }));
const slackText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('<@U1|ana> &lt;b&gt;', '<https://x.io|docs>', '<!here>', '<!subteam^S1|@team>', '&amp;amp;', '<<>>', '<@>', '<|>'), fc.string({ unit: 'binary', maxLength: 80 }));

/** What BullMQ requires of a custom job id: no colon, and not an integer. */
function expectQueueable(job: InteractionJob): void {
  expect(interactionJobSchema.safeParse(job).success).toBe(true);
  const jobId = jobIdFor(job);
  expect(jobId).not.toContain(':');
  expect(String(Number.parseInt(jobId, 10))).not.toBe(jobId);
}

const slashCommand = fc.record({
  team_id: id,
  channel_id: id,
  user_id: id,
  trigger_id: fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^\d+\.\d+\.[0-9a-f]{10,32}$/)),
  response_url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })),
  text: fc.option(slackText, { nil: undefined }),
  command: fc.constant('/obs-question'),
  token: fc.constant('t'),
  team_domain: fc.constant('example'),
  channel_name: fc.string({ maxLength: 10 }),
  user_name: fc.string({ maxLength: 10 }),
  api_app_id: fc.constant('A1'),
});

describe('fuzz: Slack payload parsing', () => {
  it('slash command bodies: acked right, and every one that needs a job becomes a queueable job (or an id Slack never sends is refused by the schema)', () => {
    fc.assert(
      fc.property(slashCommand, fc.integer({ min: 0 }), (body, receivedAt) => {
        const command = body as unknown as SlashCommand;
        const parsed = parseObsCommand(command.text ?? '');
        const ack = ackFor(parsed);
        if (ack) expect(ack.response_type).toBe('ephemeral');
        if (!needsJob(parsed)) return;
        const job = commandJobFrom(command, receivedAt);
        // Slack always sends the ids and the trigger id; with all of them the job is accepted.
        if (body.team_id && body.channel_id && body.user_id && body.trigger_id) expectQueueable(job);
        else expect(interactionJobSchema.safeParse(job).success).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('message events: an answer job the queue accepts, whose thread id decodes to its own channel and thread, or ignored with a reason', () => {
    const message = fc.record(
      {
        subtype: fc.option(fc.constantFrom('file_share', 'thread_broadcast', 'message_changed', 'message_deleted', 'bot_message', 'channel_join', 'x'), { nil: undefined }),
        channel: fc.oneof(id, fc.stringMatching(/^C[A-Z0-9]{8}$/)),
        user: fc.option(id, { nil: undefined }),
        bot_id: fc.option(id, { nil: undefined }),
        text: fc.option(slackText, { nil: undefined }),
        // Slack gives every message a ts; the thread's may be anything.
        ts: ts.filter((value) => value.length > 0),
        thread_ts: fc.option(ts, { nil: undefined }),
        parent_user_id: fc.option(fc.constantFrom('UBOT', 'UOTHER'), { nil: undefined }),
      },
      { requiredKeys: ['channel', 'ts'] },
    );
    let answers = 0;
    fc.assert(
      fc.property(message, fc.oneof(id, fc.stringMatching(/^T[A-Z0-9]{8}$/)), fc.option(fc.constant('UBOT'), { nil: undefined }), (event, teamId, botUserId) => {
        const decision = answerFromMessage(event as IncomingMessage, teamId, botUserId, 1);
        if ('ignore' in decision) {
          expect(decision.ignore.length).toBeGreaterThan(0);
          return;
        }
        answers += 1;
        const { answer } = decision;
        expect(answer.text.trim().length).toBeGreaterThan(0);
        if (teamId && event.channel) expectQueueable(answer);
        // The session the answer is for is the thread it was posted in, in its own channel.
        const thread = (() => {
          try {
            return decodeThreadId(answer.threadId);
          } catch {
            return undefined;
          }
        })();
        if (thread) expect({ channel: thread.channel, thread: thread.thread }).toEqual({ channel: event.channel, thread: event.thread_ts });
      }),
      { numRuns: RUNS },
    );
    expect(answers).toBeGreaterThan(RUNS / 50);
  });

  it('button presses: a queueable action job for the session in the channel pressed in, or a UserError ("that button doesn’t work any more")', () => {
    const threadId = fc.oneof(
      fc.tuple(fc.constantFrom('slack', 'discord', 'console', 'x'), id, id, ts).map((parts) => parts.join(':')),
      fc.string({ maxLength: 30 }),
    );
    const value = fc.oneof(
      fc.tuple(actionNameSchema.options.length ? fc.constantFrom(...actionNameSchema.options) : fc.constant('hint'), fc.option(threadId, { nil: undefined })).map(([action, thread]) => encodeButtonValue(thread === undefined ? { action } : { action, threadId: thread })),
      fc.json(),
      fc.string({ maxLength: 60 }),
    );
    const press = fc.record({
      teamId: fc.option(id, { nil: undefined }),
      userTeam: id,
      channelId: fc.option(id, { nil: undefined }),
      containerChannel: fc.option(id, { nil: undefined }),
      userId: id,
      value,
      action: fc.constantFrom(...actionNameSchema.options),
      triggerId: fc.string({ maxLength: 30 }),
      messageTs: fc.option(ts, { nil: undefined }),
      threadTs: fc.option(ts, { nil: undefined }),
      noActions: fc.boolean(),
      /** A press on one of our own buttons, in the channel its session is in. */
      genuine: fc.boolean(),
    });
    let jobs = 0;
    fc.assert(
      fc.property(press, (pressed) => {
        const p = pressed.genuine
          ? { ...pressed, channelId: 'C1', value: encodeButtonValue({ action: pressed.action, threadId: `slack:T1:C1:${pressed.messageTs ?? '1.1'}` }), noActions: false }
          : pressed;
        const body = {
          type: 'block_actions',
          team: p.teamId === undefined ? null : { id: p.teamId, domain: 'x' },
          user: { id: p.userId, team_id: p.userTeam, username: 'u', name: 'u' },
          channel: p.channelId === undefined ? undefined : { id: p.channelId, name: 'c' },
          container: { type: 'message', ...(p.containerChannel ? { channel_id: p.containerChannel } : {}), ...(p.messageTs ? { message_ts: p.messageTs } : {}), ...(p.threadTs ? { thread_ts: p.threadTs } : {}) },
          trigger_id: p.triggerId,
          response_url: 'https://hooks.slack.com/actions/x',
          actions: p.noActions ? [] : [{ type: 'button', action_id: 'obs_x', block_id: 'b', value: p.value, action_ts: '1.2', text: { type: 'plain_text', text: 'x' } }],
        } as unknown as BlockAction<ButtonAction>;
        try {
          const job = actionJobFrom(body, p.action, 1);
          jobs += 1;
          const thread = decodeThreadId(job.threadId);
          // Only ever a Slack session in the channel the button was pressed in.
          expect(thread.platform).toBe('slack');
          expect(thread.channel).toBe(job.channelId);
          expect(job.userId).toBe(p.userId);
          if (p.userId && job.dedupeKey) expectQueueable(job);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          expect(error.code).toBe('stale_button');
        }
      }),
      { numRuns: RUNS },
    );
    expect(jobs).toBeGreaterThan(RUNS / 10);
  });

  it('button values and message text: any string decodes or is refused, and unescapes without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 100 }), fc.json(), slackText), (raw) => {
        const value = decodeButtonValue(raw);
        if (value) expect(actionNameSchema.options).toContain(value.action);
        expect(typeof plainTextFromSlack(raw)).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
});
