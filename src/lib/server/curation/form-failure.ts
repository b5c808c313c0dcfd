import { fail, type Action } from '@sveltejs/kit';
import type { z } from 'zod';
import { db, type Db } from '../db';
import { requireRole } from '../auth/guards';
import { readForm } from '../forms/read-form';
import type { SessionUser } from '../auth/session';
import { CurationError } from './shops';

/** A refused curation step as an action failure: reason codes on the reason field, others on the form. */
export function curationFail(id: number | string | undefined, err: unknown, values?: Record<string, string>) {
  if (err instanceof CurationError) {
    const field = err.code.startsWith('reason') || err.code === 'required' ? 'reason' : err.code === 'slug_taken' ? 'slug' : 'form';
    return fail(400, { id, values, errors: { [field]: err.code } });
  }
  throw err;
}

/**
 * A back-office decision on one row, as a form action: a curator or an admin only (checked
 * before the form is read), the form validated by `schema`, the step run, and either
 * `{ done }` or a failure naming the row (`row`) with what was typed and the error codes.
 */
export function curatorDecision<S extends z.ZodType>(
  schema: S,
  row: (values: Record<string, string>) => number | string | undefined,
  run: (database: Db, user: SessionUser, data: z.output<S>) => void,
  done: string
): Action {
  return async ({ locals, url, request }) => {
    const database = db();
    const user = requireRole(database, locals, url, 'curator', 'admin');
    const form = await readForm(request, schema);
    const id = row(form.values);
    if (!form.ok) return fail(400, { id, values: form.values, errors: form.errors });
    try {
      run(database, user, form.data);
    } catch (err) {
      return curationFail(id, err, form.values);
    }
    return { done };
  };
}

/** The row of a decision form: its numeric id field. */
export const numericRow = (field: string) => (values: Record<string, string>) => Number(values[field]) || undefined;
