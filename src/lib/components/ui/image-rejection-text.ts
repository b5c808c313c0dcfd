import * as m from '$lib/paraglide/messages';
import {
  MAX_ASPECT_RATIO,
  MAX_INPUT_PIXELS,
  MAX_UPLOAD_BYTES,
  MIN_IMAGE_HEIGHT,
  MIN_IMAGE_WIDTH,
  type ImageRejectionCode
} from '$lib/images/limits';

/** The inline message under a file field for a code a form action returned with `fail(400, …)`. */
export function imageRejectionText(code: ImageRejectionCode): string {
  switch (code) {
    case 'empty':
      return m.image_rejected_empty();
    case 'too-large':
      return m.image_rejected_too_large({ max: String(MAX_UPLOAD_BYTES / (1024 * 1024)) });
    case 'not-an-image':
      return m.image_rejected_not_an_image();
    case 'unsupported-format':
      return m.image_rejected_unsupported_format();
    case 'too-many-pixels':
      return m.image_rejected_too_many_pixels({ max: String(MAX_INPUT_PIXELS / 1_000_000) });
    case 'bad-aspect-ratio':
      return m.image_rejected_bad_aspect_ratio({ max: String(MAX_ASPECT_RATIO) });
    case 'too-small':
      return m.image_rejected_too_small({ width: String(MIN_IMAGE_WIDTH), height: String(MIN_IMAGE_HEIGHT) });
  }
}
