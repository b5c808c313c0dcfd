import { json } from '@sveltejs/kit';

/** A JSON error body every API answers bad input with: `{ "error": { "code", "message" } }`. */
export function jsonError(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });
}
