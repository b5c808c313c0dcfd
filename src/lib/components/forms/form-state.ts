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

/** The props every labelled field shares (Field, SelectField, TextAreaField), beside its element's own attributes. */
export interface LabelledFieldProps {
  name: string;
  /** Needed when two forms of one page have a field with the same name (default `field-<name>`). */
  id?: string;
  label: string;
  /** An error code from the server (translated by the field). */
  error?: string;
  hint?: string;
  /** What the field shows first: the saved value, or what the person typed before a failed submit. */
  value?: string;
}
