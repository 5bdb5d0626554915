import { UserError } from '../../../core/errors.ts';
import { submitPlan } from '../commit.ts';
import { requireAdmin } from '../permissions.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';

const NAMES = { llm: 'the LLM judge', keyword: 'the built-in keyword scorer' } as const;

/**
 * What the keyword scorer can and cannot judge, said where people ask how they are scored:
 * on answers written blind to it, an idea rejected in a form it does not know is still
 * credited (docs/eval.md), so nobody should read its ✅ as "got it right".
 */
export const KEYWORD_LIMITS =
  'It spots the rubric ideas you name, the misconceptions it knows, text aimed at the grader and the usual ways of ruling an idea out. It cannot tell whether your reasoning holds, and an idea you reject in words of your own may still be counted as named.';

/**
 * `/obs-question scoring [llm|keyword|reset] [channel|workspace]`. Anyone may see how
 * answers are scored here; only admins change it. A channel's choice overrides the
 * workspace's; `reset` removes the override. Choosing the LLM where none is configured is
 * refused, so nobody believes they get LLM feedback when they do not.
 */
export const scoringCommand: CommandHandler<'scoring'> = async (job, command, ctx) => {
  const settings = ctx.deps.scoring;
  if (!settings) throw new UserError('scoring_unavailable', 'Scoring settings are not available on this install.');
  const channelScope = { workspaceId: job.workspaceId, channelId: job.channelId };
  const change = command.change;
  let text: string;
  if (!change) {
    const choice = (await settings.get(channelScope)) ?? (settings.llmAvailable ? 'llm' : 'keyword');
    const effective = choice === 'llm' && !settings.llmAvailable ? 'keyword' : choice;
    text = `Answers in this channel are scored by ${NAMES[effective]}.${effective === 'keyword' ? ` ${KEYWORD_LIMITS}` : ''}${settings.llmAvailable ? '' : ' (No LLM is configured on this install, so keyword scoring is the only option.)'}`;
  } else {
    const where = change.scope === 'workspace' ? 'the whole workspace' : 'this channel';
    await requireAdmin(job, ctx, `change how answers are scored in ${where}`);
    const scope = change.scope === 'workspace' ? { workspaceId: job.workspaceId } : channelScope;
    if (change.choice === 'reset') {
      await settings.clear(scope);
      text = `✅ Scoring for ${where} is back to the default.`;
    } else {
      if (change.choice === 'llm' && !settings.llmAvailable) {
        throw new UserError('llm_not_configured', 'LLM scoring is not configured on this install: whoever runs the bot sets OPENAI_API_KEY (or OPENAI_BASE_URL for a local model). Keyword scoring stays on.');
      }
      await settings.set(scope, change.choice);
      text = `✅ Answers in ${where} are now scored by ${NAMES[change.choice]}.`;
    }
    ctx.log.info('scoring setting changed', { scope: change.scope, choice: change.choice });
  }
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'reply'));
};
