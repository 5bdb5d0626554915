import OpenAI from 'openai';
import { registerSecret } from '../../infra/redact.ts';
import type { LlmConfig } from './config.ts';

/**
 * Local OpenAI-compatible servers need no key, but the SDK refuses to start without one.
 * This placeholder is sent as the bearer token; such servers ignore it.
 */
const NO_KEY_PLACEHOLDER = 'no-key-local-server';

/**
 * The one place an OpenAI client is made. `logLevel: 'off'`: the SDK's own debug logging
 * prints request bodies (the candidate's answer) and headers, and OPENAI_LOG=debug in the
 * environment would switch it on; our code logs what it needs through the redacting logger.
 */
export function createLlmClient(config: LlmConfig): OpenAI {
  registerSecret(config.apiKey);
  return new OpenAI({
    apiKey: config.apiKey ?? NO_KEY_PLACEHOLDER,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    logLevel: 'off',
  });
}
