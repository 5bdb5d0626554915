import { z } from 'zod';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Question } from '../../core/content/schema.ts';

/**
 * The judge's reply. Two schemas on purpose:
 * - `responseFormatFor(question)` is sent to the model. Its point ids are an enum of that
 *   question's rubric, so a server that enforces JSON schemas (OpenAI strict mode, vLLM,
 *   recent Ollama) cannot even produce an unknown id. No length limits: OpenAI's strict mode
 *   rejects `maxLength`; we trim lengths ourselves.
 * - `llmReplySchema` validates whatever came back, because many compatible servers treat the
 *   schema as a hint. Unknown and missing ids are checked separately so the fallback reason
 *   (and its metric) says which.
 *
 * zodResponseFormat from openai/helpers/zod supports zod 4 (it detects `_zod` and uses
 * z.toJSONSchema); we pass it to `create` rather than use `.parse()`, because `.parse()`
 * throws away the completion (and its token usage) when the reply does not validate.
 */
const verdictSchema = z.enum(['covered', 'partial', 'missed']);

/**
 * `misconceptions` is required in what we send (strict mode wants every field required) and
 * defaults to [] in what we accept, so a server that ignores the schema and leaves it out
 * still gives usable verdicts.
 */
function replySchema(pointId: z.ZodType<string>, misconceptionId: z.ZodType<string>, lenient: boolean) {
  const misconception = z.strictObject({
    id: misconceptionId,
    /** The answer's sentence that states it, verbatim. */
    quote: z.string(),
  });
  return z.strictObject({
    points: z.array(
      z.strictObject({
        id: pointId,
        verdict: verdictSchema,
        /** Exact passage of the answer; "" when missed. */
        evidence: z.string(),
        /** What is missing, a few words; "" when covered. */
        note: z.string(),
      }),
    ),
    feedback: z.string(),
    followUp: z
      .strictObject({
        pointId,
        question: z.string(),
      })
      .nullable(),
    misconceptions: lenient ? z.array(misconception).default([]) : z.array(misconception),
  });
}

export const llmReplySchema = replySchema(z.string(), z.string(), true);
export type LlmReply = z.infer<typeof llmReplySchema>;

export const RESPONSE_FORMAT_NAME = 'rubric_verdicts';

export function responseFormatFor(question: Question) {
  const ids = question.rubric.map((point) => point.id);
  const idSchema = z.enum(ids as [string, ...string[]]);
  const misconceptionIds = question.misconceptions.map((item) => item.id);
  // An empty enum is not valid JSON Schema; with nothing listed any id is dropped on receipt.
  const misconceptionIdSchema = misconceptionIds.length > 0 ? z.enum(misconceptionIds as [string, ...string[]]) : z.string();
  return zodResponseFormat(replySchema(idSchema, misconceptionIdSchema, false), RESPONSE_FORMAT_NAME);
}

export type ReplyProblem = 'empty_reply' | 'invalid_json' | 'schema_violation' | 'unknown_point' | 'missing_point';

export type ParsedReply = { ok: true; reply: LlmReply } | { ok: false; problem: ReplyProblem; detail: string };

/** Validates a raw reply against the schema and the question's rubric (every point exactly once). */
export function parseLlmReply(content: string | null | undefined, question: Question): ParsedReply {
  if (!content || !content.trim()) return { ok: false, problem: 'empty_reply', detail: 'no content' };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, problem: 'invalid_json', detail: (error as Error).message };
  }
  const parsed = llmReplySchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: 'schema_violation', detail: first ? `${first.path.join('.')}: ${first.message}` : 'invalid' };
  }
  const reply = parsed.data;
  const rubricIds = new Set(question.rubric.map((point) => point.id));
  const seen = new Set<string>();
  for (const point of reply.points) {
    if (!rubricIds.has(point.id)) return { ok: false, problem: 'unknown_point', detail: `unknown point id "${point.id}"` };
    if (seen.has(point.id)) return { ok: false, problem: 'schema_violation', detail: `point "${point.id}" twice` };
    seen.add(point.id);
  }
  if (reply.followUp && !rubricIds.has(reply.followUp.pointId)) {
    return { ok: false, problem: 'unknown_point', detail: `follow-up aims at unknown point "${reply.followUp.pointId}"` };
  }
  const missing = [...rubricIds].filter((id) => !seen.has(id));
  if (missing.length > 0) return { ok: false, problem: 'missing_point', detail: `missing ${missing.join(', ')}` };
  return { ok: true, reply };
}
