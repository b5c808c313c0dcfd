import { z } from 'zod';
import { IMAGE_FORMATS, IMAGE_WIDTHS, type ImageDescriptor } from '$lib/images/limits';
import { IMAGE_ID_PATTERN } from '$lib/images/media-url';

export const imageIdSchema = z.string().regex(IMAGE_ID_PATTERN, 'unknown image id');

/**
 * An image descriptor as callers store it in their tables (JSON). Parse it back with this before
 * use: a hand-edited or corrupt row must not become an arbitrary URL in a page.
 */
export const imageDescriptorSchema = z
  .object({
    id: imageIdSchema,
    width: z.literal([...IMAGE_WIDTHS]),
    height: z.number().int().positive(),
    widths: z.array(z.literal([...IMAGE_WIDTHS])).min(1),
    formats: z.array(z.enum(IMAGE_FORMATS)).min(1)
  })
  .strict()
  .refine((d) => d.widths.every((w, i) => i === 0 || d.widths[i - 1] < w), 'widths must be ascending')
  .refine((d) => d.widths.at(-1) === d.width, 'width must be the largest variant')
  .refine((d) => new Set(d.formats).size === d.formats.length, 'formats must be distinct') satisfies z.ZodType<ImageDescriptor>;
