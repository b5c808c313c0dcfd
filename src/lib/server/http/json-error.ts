import { json } from '@sveltejs/kit';

/** A JSON error body every API answers bad input with: `{ "error": { "code", "message" } }`. */
export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return json({ error: { code, message, ...extra } }, { status, headers: { 'cache-control': 'no-store' } });
}
