import type { z } from 'zod';
import { jsonError } from './json-error';

/** Parses and validates a JSON request body; a bad body becomes a ready 400/413/415 answer. */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = 16 * 1024
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, response: jsonError(415, 'unsupported_media_type', 'Send application/json.') };
  }
  const text = await request.text();
  if (text.length > maxBytes) return { ok: false, response: jsonError(413, 'too_large', 'The body is too large.') };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, 'invalid_json', 'The body is not valid JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // Every zod issue, in the message ("lines.0.qty: Too small…; payment: Invalid option…") and as a list.
    const issues = parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String), message: issue.message }));
    const message = issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');
    return { ok: false, response: jsonError(400, 'invalid_body', message || 'invalid body', { issues }) };
  }
  return { ok: true, data: parsed.data };
}
