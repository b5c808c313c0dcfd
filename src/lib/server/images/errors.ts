import type { ImageRejectionCode } from '$lib/images/limits';

/**
 * An upload Placette will not store, for a reason the person who sent it can act on. Form
 * actions turn `code` into a translated inline message (`imageRejectionText`); anything that is
 * not an ImageRejected is a server fault and must not be shown as the user's mistake.
 */
export class ImageRejected extends Error {
  override readonly name = 'ImageRejected';

  constructor(
    readonly code: ImageRejectionCode,
    detail?: string
  ) {
    super(detail ? `image rejected (${code}): ${detail}` : `image rejected (${code})`);
  }
}
