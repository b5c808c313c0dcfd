import { z } from 'zod';

/**
 * Account forms. Messages are error codes the page translates (see form-errors.ts), so the same
 * schema serves the form action, an API and the tests.
 */
export const emailField = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(254, 'email_invalid')
  .pipe(z.email({ error: 'email_invalid' }));

/** Length only: strength (common passwords, email inside) is checked on the server. */
export const newPasswordField = z
  .string({ error: 'required' })
  .min(8, 'password_short')
  .max(128, 'password_long');

const currentPassword = z.string({ error: 'required' }).min(1, 'required').max(1024, 'password_long');

export const displayNameField = z.string().trim().max(80, 'too_long').default('');

export const signupSchema = z.object({
  email: emailField,
  password: newPasswordField,
  displayName: displayNameField
});

export const loginSchema = z.object({ email: emailField, password: currentPassword });

export const twoFactorSchema = z.object({
  code: z.string({ error: 'required' }).trim().min(1, 'required').max(32, 'code_invalid')
});

export const changePasswordSchema = z.object({ current: currentPassword, password: newPasswordField });

export const deleteAccountSchema = z.object({
  password: currentPassword,
  confirm: z.literal('on', { error: 'confirm_required' })
});

export const endSessionSchema = z.object({ id: z.string().regex(/^[a-z2-7]{1,64}$/, 'invalid') });

/** A same-origin path to come back to after signing in; anything else falls back to /account. */
export function safeNext(value: string | null | undefined, fallback = '/account'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value.length > 512 ? fallback : value;
}
