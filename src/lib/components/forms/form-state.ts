/** What a failed form action sends back (see read-form.ts): typed values and error codes. */
export interface FailedForm {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** For 'rate_limited'. */
  minutes?: number;
  /** A confirmation code for the page to show ("password_done"). */
  done?: string;
}

export const valueOf = (form: FailedForm | null | undefined, name: string): string => form?.values?.[name] ?? '';
export const errorOf = (form: FailedForm | null | undefined, name: string): string | undefined => form?.errors?.[name];
