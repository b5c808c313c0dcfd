import * as m from '$lib/paraglide/messages';
import { formErrorText, registerFormErrors } from '$lib/components/forms/form-errors';
import { parisDateTime } from '$lib/format';

/** What a back-office action sends back: which row, what was done, error codes per field. */
export type CuratorResult = {
  id?: number | string;
  done?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
} | null;

registerFormErrors({
  reason_short: () => m.form_error_reason_short(),
  reason_long: () => m.form_error_reason_long(),
  not_found: () => m.form_error_not_found(),
  slug_taken: () => m.form_error_slug_taken(),
  slug_invalid: () => m.form_error_slug_invalid(),
  admin_protected: () => m.form_error_admin_protected(),
  threshold_range: () => m.form_error_threshold_range(),
  status_conflict: () => m.form_error_conflict()
});

/** The translated error of one field of one row, if that row's form failed. */
export function rowError(result: CuratorResult, id: number | string, field: string): string | undefined {
  return result?.id === id ? formErrorText(result.errors?.[field]) : undefined;
}

/** A date ("YYYY-MM-DD" or ISO) in the page's language, Paris time. */
export function shortDate(value: string, locale: string): string {
  return parisDateTime(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value, locale, { dateStyle: 'medium' });
}

/** Keeps what was typed after a failed submission. */
export const keep = () => async ({ update }: { update: (o?: { reset?: boolean }) => Promise<void> }) => update({ reset: false });
