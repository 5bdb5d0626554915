/**
 * Secrets and answer text never reach logs. Two layers, because either alone leaks:
 * - keys whose name looks secret (token, secret, key, authorization, password), or that carry
 *   what a person wrote (answer, text), are masked at any depth;
 * - values that look like a credential (Slack xox*- / xapp- tokens, OpenAI sk- keys,
 *   Bearer headers, Discord bot tokens) are masked wherever they appear in a string.
 */
const SECRET_KEY = /(token|secret|password|authorization|api[-_]?key|signing|cookie)/i;
/** Fields that hold a person's words: an answer is personal and may quote anything. */
const PERSONAL_TEXT_KEY = /^(?:answer|answerText|text)$/i;
const SECRET_VALUE_PATTERNS: RegExp[] = [
  /xox[abposr]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /sk-[A-Za-z0-9_-]{8,}/g,
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /[MN][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/g,
];
const extraSecrets = new Set<string>();

/** Registers configured secret values (from the environment) so they are masked verbatim too. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) extraSecrets.add(value);
}

export function redactString(text: string): string {
  let result = text;
  for (const secret of extraSecrets) result = result.split(secret).join('[REDACTED]');
  for (const pattern of SECRET_VALUE_PATTERNS) result = result.replace(pattern, '[REDACTED]');
  return result;
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return redactString(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), code: (value as { code?: unknown }).code };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = (SECRET_KEY.test(key) || PERSONAL_TEXT_KEY.test(key)) && inner !== undefined && inner !== null && inner !== '' ? '[REDACTED]' : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}
