import type { ImageDescriptor } from '$lib/images/limits';
import { ImageRejected } from './errors';
import { renderVariants } from './process';
import { deleteImage, storeVariants, type Visibility } from './storage';
import { inspectImage, readUpload } from './validate';

export { ImageRejected, deleteImage };
export { readVariant, type ServedVariant } from './read';
export { serveStoredImage } from './serve';
export type { Visibility } from './storage';

/**
 * Validates an upload, strips it to pixels and stores its responsive variants under a new random
 * id. Throws ImageRejected (with a code for the form) for anything the sender can fix; any other
 * error is the server's.
 *
 *     try {
 *       photo = await saveImage(form.get('photo'), { visibility: 'public' });
 *     } catch (error) {
 *       if (error instanceof ImageRejected) return fail(400, { photoError: error.code });
 *       throw error;
 *     }
 */
export async function saveImage(upload: unknown, options: { visibility: Visibility }): Promise<ImageDescriptor> {
  const image = await inspectImage(await readUpload(upload));
  const variants = await renderVariants(image);
  const id = await storeVariants(options.visibility, variants);
  const widths = [...new Set(variants.map((v) => v.width))].sort((a, b) => a - b);
  const formats = [...new Set(variants.map((v) => v.format))];
  const largest = variants.find((v) => v.width === widths[widths.length - 1])!;
  return { id, width: largest.width, height: largest.height, widths, formats };
}
