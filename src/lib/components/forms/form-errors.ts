import * as m from '$lib/paraglide/messages';
import { IMAGE_REJECTION_CODES } from '$lib/images/limits';
import { imageRejectionText } from '$lib/components/ui/image-rejection-text';

/**
 * Error codes (from the zod schemas and the server's services) to sentences in the current
 * language. An unknown code reads as the generic "not valid" rather than leaking a code.
 */
const messages: Record<string, (params: { minutes?: number }) => string> = {
  required: () => m.form_error_required(),
  invalid: () => m.form_error_invalid(),
  email_invalid: () => m.form_error_email_invalid(),
  email_taken: () => m.form_error_email_taken(),
  password_short: () => m.form_error_password_short(),
  password_long: () => m.form_error_password_long(),
  password_common: () => m.form_error_password_common(),
  password_contains_email: () => m.form_error_password_contains_email(),
  password_wrong: () => m.form_error_password_wrong(),
  too_long: () => m.form_error_too_long(),
  code_invalid: () => m.form_error_code_invalid(),
  confirm_required: () => m.form_error_confirm_required(),
  login_failed: () => m.form_error_login_failed(),
  price_invalid: () => m.form_error_price_invalid(),
  stock_invalid: () => m.form_error_stock_invalid(),
  coord_outside: () => m.form_error_coord_outside(),
  rate_limited: ({ minutes }) => m.form_error_rate_limited({ minutes: minutes ?? 1 })
};

// Refused uploads come back as `image_<code>` on the file field.
for (const code of IMAGE_REJECTION_CODES) messages[`image_${code}`] = () => imageRejectionText(code);

/** Pages extend the table with their own codes (shop forms, curator forms…). */
export function registerFormErrors(more: Record<string, (params: { minutes?: number }) => string>): void {
  Object.assign(messages, more);
}

export function formErrorText(code: string | undefined, params: { minutes?: number } = {}): string | undefined {
  if (!code) return undefined;
  return (messages[code] ?? messages.invalid)(params);
}
