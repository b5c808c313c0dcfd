import { fail } from '@sveltejs/kit';
import { CurationError } from './shops';

/** A refused curation step as an action failure: reason codes on the reason field, others on the form. */
export function curationFail(id: number | string | undefined, err: unknown, values?: Record<string, string>) {
  if (err instanceof CurationError) {
    const field = err.code.startsWith('reason') || err.code === 'required' ? 'reason' : err.code === 'slug_taken' ? 'slug' : 'form';
    return fail(400, { id, values, errors: { [field]: err.code } });
  }
  throw err;
}
