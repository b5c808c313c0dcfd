import { z } from 'zod';
import { formatCount } from '$lib/format';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The longest Markdown source the renderer accepts, in UTF-16 code units: the unit zod's `.max()`
 * and a textarea's `maxlength` count in, so the form, the schema and the renderer agree. Kept
 * here rather than in the server renderer so that forms can show it without importing server code.
 */
export const MARKDOWN_MAX_LENGTH = 20_000;

/**
 * A Markdown text field: line endings normalised to \n, trimmed, at most `max` characters.
 *
 * Browsers submit a textarea's line breaks as \r\n while `maxlength` counts them as one
 * character, so without the normalisation a text that fits the textarea could be refused here.
 * Emptiness is left to the caller (`.min(1, …)` or `.optional()`): some bodies are optional.
 */
export function markdownField(max: number) {
  if (!Number.isInteger(max) || max < 1 || max > MARKDOWN_MAX_LENGTH) {
    // A field longer than the renderer's limit would accept texts that can never be published.
    throw new RangeError(`markdownField: max must be an integer from 1 to ${MARKDOWN_MAX_LENGTH}, got ${max}`);
  }
  return z
    .string()
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max, {
      // A function, so the message is worded in the locale current when the form is checked.
      error: (issue) => {
        const locale = getLocale();
        const length = typeof issue.input === 'string' ? issue.input.length : 0;
        return m.markdown_too_long({ max: formatCount(max, locale), length: formatCount(length, locale) });
      }
    });
}
