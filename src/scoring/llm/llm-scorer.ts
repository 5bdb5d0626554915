import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError } from 'openai';
import type { Question } from '../../core/content/schema.ts';
import { GRADER_ADDRESSED_NOTICE } from '../../core/scoring/grader-addressed.ts';
import { MISCONCEPTION_PENALTY } from '../../core/scoring/keyword/misconceptions.ts';
import type { ScoreContext, ScoreResult, Scorer } from '../../core/scoring/types.ts';
import { weightedScore } from '../../core/scoring/weighted-score.ts';
import { logger as defaultLogger, type Logger } from '../../infra/logger.ts';
import type { CallBudget } from './budget.ts';
import { scoreCacheKey, type CachedVerdicts, type ScoreCache } from './cache.ts';
import type { LlmConfig } from './config.ts';
import { llmMetrics, type FallbackReason, type LlmMetrics } from './metrics.ts';
import { parseLlmReply } from './output-schema.ts';
import { filterForJudge } from './grader-filter.ts';
import { buildJudgePrompt, MAX_ANSWER_CHARS } from './prompt.ts';
import { buildChatRequest } from './request.ts';
import { verifyReply, type DowngradeReason } from './verdicts.ts';

export const LLM_NOTICES = {
  unusable: "Scored by keywords: the LLM's reply was unusable",
  unavailable: 'Scored by keywords: the LLM did not answer in time or was unavailable',
  budget: "Scored by keywords: this workspace's LLM budget for today is spent (it resets at 00:00 UTC)",
  truncated: `Only the first ${MAX_ANSWER_CHARS.toLocaleString('en-US')} characters of your answer were judged`,
  graderAddressed: GRADER_ADDRESSED_NOTICE,
} as const;

/** `keyword (fallback: REASON)`: what decided when the LLM could not. */
export function fallbackDecidedBy(reason: FallbackReason): string {
  return `keyword (fallback: ${reason})`;
}

/** Budget bucket for scoring outside any workspace (the terminal). */
export const LOCAL_WORKSPACE = 'local';

export interface LlmScorerDeps {
  client: OpenAI;
  config: LlmConfig;
  /** Used whenever the LLM cannot be (the keyword scorer in production). */
  fallback: Scorer;
  /** Optional so the eval can run without Redis. */
  cache?: ScoreCache;
  budget?: CallBudget;
  metrics?: LlmMetrics;
  logger?: Logger;
}

function reasonForError(error: unknown): FallbackReason {
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIConnectionError) return 'connection';
  if (error instanceof RateLimitError) return 'rate_limited';
  if (error instanceof APIError) return 'http_error';
  return 'error';
}

/**
 * Judges an answer with one chat completion. Never throws for LLM or Redis trouble: every
 * failure becomes a keyword score with a one-line notice, and a fallback reason in metrics.
 * Order: cache (free) → budget → call → validate → verify quotes → cache.
 */
export class LlmScorer implements Scorer {
  readonly name = 'llm' as const;
  private readonly metrics: LlmMetrics;
  private readonly log: Logger;

  constructor(private readonly deps: LlmScorerDeps) {
    this.metrics = deps.metrics ?? llmMetrics;
    this.log = (deps.logger ?? defaultLogger).child({ component: 'llm-scorer' });
  }

  async score(question: Question, answer: string, context: ScoreContext = {}): Promise<ScoreResult> {
    const { config, client, cache, budget } = this.deps;
    // The judge never sees what was addressed to it; quotes from those passages never count.
    const filtered = filterForJudge(question, answer);
    const prompt = buildJudgePrompt(question, filtered.judged);
    const notices = prompt.truncated ? [LLM_NOTICES.truncated] : [];
    const cacheKey = scoreCacheKey(question, config.model, answer);

    const cached = await this.readCache(cache, cacheKey);
    if (cached) {
      this.metrics.recordCacheHit();
      return this.result(question, cached, notices);
    }

    if (budget) {
      const workspaceId = context.workspaceId ?? LOCAL_WORKSPACE;
      try {
        const decision = await budget.take(workspaceId);
        if (!decision.allowed) return await this.fallBack(question, answer, context, 'budget', decision.firstRefusal ? LLM_NOTICES.budget : undefined);
      } catch (error) {
        // Fail closed: without a working counter the cap cannot be enforced.
        return await this.fallBack(question, answer, context, 'budget_unavailable', LLM_NOTICES.unavailable, { error });
      }
    }

    this.metrics.recordCall();
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await client.chat.completions.create(buildChatRequest(config, question, prompt));
    } catch (error) {
      const status = error instanceof APIError ? error.status : undefined;
      return await this.fallBack(question, answer, context, reasonForError(error), LLM_NOTICES.unavailable, { error, status });
    }
    this.metrics.recordUsage(completion.usage);

    const message = completion.choices[0]?.message;
    if (message?.refusal) return await this.fallBack(question, answer, context, 'refusal', LLM_NOTICES.unusable);
    const parsed = parseLlmReply(message?.content, question);
    if (!parsed.ok) {
      return await this.fallBack(question, answer, context, parsed.problem, LLM_NOTICES.unusable, {
        detail: parsed.detail,
        finishReason: completion.choices[0]?.finish_reason,
      });
    }

    const verified = verifyReply(question, filtered, parsed.reply);
    if (verified.downgraded.length > 0) {
      const reasons: Partial<Record<DowngradeReason, number>> = {};
      for (const { reason } of verified.downgraded) reasons[reason] = (reasons[reason] ?? 0) + 1;
      this.metrics.recordDowngrades(verified.downgraded.length, reasons);
      this.log.warn('llm verdicts downgraded: evidence quote not usable', {
        questionId: question.id,
        downgrades: verified.downgraded.length,
        pointIds: verified.downgraded.map((downgrade) => downgrade.pointId),
        reasons,
      });
    }
    if (verified.droppedMisconceptions.length > 0) {
      this.log.info('llm misconceptions dropped: unknown id or quote not in the answer', { questionId: question.id, ids: verified.droppedMisconceptions });
    }
    const { downgraded: _downgraded, droppedMisconceptions: _dropped, ...verdicts } = verified;
    await this.writeCache(cache, cacheKey, verdicts);
    return this.result(question, verdicts, notices);
  }

  private result(question: Question, verdicts: CachedVerdicts, notices: string[]): ScoreResult {
    const misconceptions = (verdicts.misconceptions ?? []).flatMap((found) => {
      const known = question.misconceptions.find((item) => item.id === found.id);
      return known ? [{ id: found.id, quote: found.quote, claim: known.claim, correction: known.correction }] : [];
    });
    return {
      questionId: question.id,
      scorer: 'llm',
      // The same documented rule as the keyword scorer: each stated misconception costs points.
      score: Math.max(0, weightedScore(question, verdicts.points) - MISCONCEPTION_PENALTY * misconceptions.length),
      points: verdicts.points,
      ...(verdicts.feedback ? { feedback: verdicts.feedback } : {}),
      ...(verdicts.followUp ? { followUp: verdicts.followUp } : {}),
      notices: verdicts.graderAddressed ? [...notices, LLM_NOTICES.graderAddressed] : notices,
      ...(misconceptions.length > 0 ? { misconceptions } : {}),
      ...(verdicts.graderAddressed ? { graderAddressed: true } : {}),
      decidedBy: `llm:${this.deps.config.model}`,
    };
  }

  private async fallBack(
    question: Question,
    answer: string,
    context: ScoreContext,
    reason: FallbackReason,
    notice: string | undefined,
    fields: Record<string, unknown> = {},
  ): Promise<ScoreResult> {
    this.metrics.recordFallback(reason);
    this.log.warn('llm scoring fell back to keywords', { questionId: question.id, reason, ...fields });
    const result = await this.deps.fallback.score(question, answer, context);
    const decided = { ...result, decidedBy: fallbackDecidedBy(reason) };
    return notice ? { ...decided, notices: [...result.notices, notice] } : decided;
  }

  private async readCache(cache: ScoreCache | undefined, key: string): Promise<CachedVerdicts | undefined> {
    if (!cache) return undefined;
    try {
      return await cache.get(key);
    } catch (error) {
      this.log.warn('llm score cache unreadable; asking the LLM', { error });
      return undefined;
    }
  }

  private async writeCache(cache: ScoreCache | undefined, key: string, verdicts: CachedVerdicts): Promise<void> {
    if (!cache) return;
    try {
      await cache.set(key, verdicts);
    } catch (error) {
      this.log.warn('llm score cache not written', { error });
    }
  }
}
