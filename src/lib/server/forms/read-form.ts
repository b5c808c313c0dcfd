import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Fields never sent back to the page after a failed submission. */
const SECRET = /password|current|code|token|secret/i;

/**
 * Parses a submitted form with a zod schema. On failure, returns one error code per field and
 * what the person typed (secrets excepted) so the page can show both.
 */
export async function readForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.output<S>>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, errors: { form: 'invalid' }, values: {} };
  }
  return parseForm(form, schema);
}

export function parseForm<S extends z.ZodType>(form: FormData, schema: S): FormResult<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !SECRET.test(key)));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return { ok: false, errors, values };
}
