import { IMAGE_FORMATS, IMAGE_WIDTHS, type ImageFormat, type ImageWidth } from './limits';

/** 128 random bits in lowercase RFC 4648 base32, without padding. */
export const IMAGE_ID_PATTERN = /^[a-z2-7]{26}$/;

/**
 * The whole accepted grammar of a variant's file name, built from the allowed sets. Anything
 * else (dots, slashes, percent signs, other widths) fails before a path is ever built.
 */
const VARIANT_NAME = new RegExp(
  `^([a-z2-7]{26})-(${IMAGE_WIDTHS.join('|')})\\.(${IMAGE_FORMATS.join('|')})$`
);

export interface VariantRef {
  id: string;
  width: ImageWidth;
  format: ImageFormat;
}

export function variantName({ id, width, format }: VariantRef): string {
  return `${id}-${width}.${format}`;
}

/** The public URL of one variant; only images stored as 'public' answer there. */
export function mediaUrl(ref: VariantRef): string {
  return `/media/${variantName(ref)}`;
}

export function parseVariantName(name: string): VariantRef | null {
  const match = VARIANT_NAME.exec(name);
  if (!match) return null;
  return { id: match[1], width: Number(match[2]) as ImageWidth, format: match[3] as ImageFormat };
}
