import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { Question } from '../../core/content/schema.ts';
import type { LlmConfig } from './config.ts';
import { responseFormatFor } from './output-schema.ts';
import type { JudgePrompt } from './prompt.ts';

/**
 * Reasoning models (o1, o3, o4-mini, gpt-5…) reject any temperature but the default and
 * reject `max_tokens`. Everything else gets temperature 0, so verdicts (and the cache, and
 * the eval) are as repeatable as the server allows.
 */
function isReasoningModel(model: string): boolean {
  return /^(o\d|gpt-5)/i.test(model.split('/').at(-1) ?? model);
}

/**
 * OpenAI itself wants `max_completion_tokens`; compatible servers (Ollama, LM Studio, older
 * vLLM) reliably understand only `max_tokens`. So the official endpoint (no base URL) gets
 * the new name and any other server the old one.
 */
export function buildChatRequest(config: LlmConfig, question: Question, prompt: JudgePrompt): ChatCompletionCreateParamsNonStreaming {
  const reasoning = isReasoningModel(config.model);
  const useNewLimitName = reasoning || config.baseUrl === undefined;
  return {
    model: config.model,
    messages: [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ],
    response_format: responseFormatFor(question),
    ...(useNewLimitName ? { max_completion_tokens: config.maxTokens } : { max_tokens: config.maxTokens }),
    ...(reasoning ? {} : { temperature: 0 }),
  };
}
