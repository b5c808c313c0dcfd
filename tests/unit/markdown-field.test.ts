import { afterEach, describe, expect, it } from 'vitest';
import { MARKDOWN_MAX_LENGTH, markdownField } from '../../src/lib/schemas/markdown';
import { baseLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime';

const NNBSP = '\u202f';

describe('markdownField', () => {
  afterEach(() => overwriteGetLocale(() => baseLocale));

  it('trims and normalises line breaks before counting', () => {
    const field = markdownField(10);
    expect(field.parse('  **gras**  \n')).toBe('**gras**');
    expect(field.parse('a\r\nb\rc')).toBe('a\nb\nc');
    // 10 characters once \r\n is one character, as in the textarea that sent it.
    expect(field.parse('12345\r\n6789')).toBe('12345\n6789');
    expect(field.safeParse('12345\n67890').success).toBe(false);
  });

  it('refuses a text over the limit with a message that says the limit and the length', () => {
    const result = markdownField(20_000).safeParse('a'.repeat(20_001));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      `Ce texte est trop long\u00a0: 20${NNBSP}000 caractères au maximum, il en compte 20${NNBSP}001.`
    );
    overwriteGetLocale(() => 'en');
    expect(markdownField(100).safeParse('b'.repeat(123)).error?.issues[0].message).toBe(
      'This text is too long: 100 characters at most, it has 123.'
    );
  });

  it('accepts an empty text: whether a body is required is up to the form', () => {
    expect(markdownField(10).parse('   ')).toBe('');
  });

  it('cannot be longer than what the renderer accepts', () => {
    expect(() => markdownField(MARKDOWN_MAX_LENGTH)).not.toThrow();
    expect(() => markdownField(MARKDOWN_MAX_LENGTH + 1)).toThrow(RangeError);
    expect(() => markdownField(0)).toThrow(RangeError);
    expect(() => markdownField(12.5)).toThrow(RangeError);
  });
});
