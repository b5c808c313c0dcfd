import exifr from 'exifr';
import sharp from 'sharp';

/**
 * Finds metadata in an encoded image by every means at hand, so that a stripped file is proven
 * stripped rather than merely unreadable to one parser. Each finder has a positive control in
 * the tests (a file encoded WITH metadata must be caught).
 */

/** WebP: RIFF chunks, and the VP8X flags that announce ICC (0x20), EXIF (0x08) and XMP (0x04). */
export function webpMetadata(bytes: Buffer): string[] {
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') {
    throw new Error('not a WebP file');
  }
  const found: string[] = [];
  for (let at = 12; at + 8 <= bytes.length; ) {
    const type = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (type === 'VP8X') {
      const flags = bytes[at + 8];
      if (flags & 0x20) found.push('VP8X:icc-flag');
      if (flags & 0x08) found.push('VP8X:exif-flag');
      if (flags & 0x04) found.push('VP8X:xmp-flag');
    } else if (!['VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF'].includes(type)) {
      found.push(`chunk:${type}`);
    }
    at += 8 + size + (size % 2);
  }
  return found;
}

interface Box {
  type: string;
  start: number;
  end: number;
  /** Where the payload starts (after the header, and after version/flags for full boxes). */
  body: number;
}

const FULL_BOXES = new Set(['meta', 'iinf', 'infe', 'iref', 'pitm', 'iloc']);
const CONTAINERS = new Set(['meta', 'iprp', 'ipco', 'iinf', 'dinf']);

function* boxes(bytes: Buffer, start: number, end: number): Generator<Box> {
  for (let at = start; at + 8 <= end; ) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      size = Number(bytes.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    const body = at + header + (FULL_BOXES.has(type) ? 4 : 0);
    yield { type, start: at, end: at + size, body };
    if (CONTAINERS.has(type)) {
      // iinf carries an entry count before its infe children.
      const childStart = type === 'iinf' ? body + (bytes[at + header] === 0 ? 2 : 4) : body;
      yield* boxes(bytes, childStart, at + size);
    }
    at += size;
  }
}

/** AVIF/HEIF: Exif and XMP items (infe types 'Exif' and 'mime'), ICC colour boxes, and any unknown box. */
export function avifMetadata(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const box of boxes(bytes, 0, bytes.length)) {
    if (box.type === 'infe') {
      const version = bytes[box.body - 4];
      const typeAt = box.body + (version >= 3 ? 4 : 2) + 2;
      const itemType = bytes.toString('latin1', typeAt, typeAt + 4);
      if (itemType === 'Exif' || itemType === 'mime') found.push(`item:${itemType}`);
    } else if (box.type === 'colr') {
      const colourType = bytes.toString('latin1', box.body, box.body + 4);
      if (colourType === 'prof' || colourType === 'rICC') found.push(`colr:${colourType}`);
    } else if (box.type === 'uuid' || box.type === 'udta' || box.type === 'xml ') {
      found.push(`box:${box.type}`);
    }
  }
  return found;
}

/** What sharp (libvips) itself can read back. */
export async function sharpMetadata(bytes: Buffer): Promise<string[]> {
  const meta = await sharp(bytes).metadata();
  const found: string[] = [];
  if (meta.exif) found.push('exif');
  if (meta.xmp) found.push('xmp');
  if (meta.icc) found.push('icc');
  if (meta.iptc) found.push('iptc');
  if (meta.tifftagPhotoshop) found.push('photoshop');
  if (meta.comments?.length) found.push('comments');
  if (meta.orientation && meta.orientation !== 1) found.push(`orientation:${meta.orientation}`);
  return found;
}

/** Segments exifr finds (it reads AVIF/HEIF but not WebP); JFIF and PNG headers are not metadata. */
export async function exifrMetadata(bytes: Buffer): Promise<string[]> {
  const parsed = (await exifr.parse(bytes, {
    tiff: true,
    ifd1: true,
    exif: true,
    gps: true,
    interop: true,
    xmp: true,
    icc: true,
    iptc: true,
    jfif: false,
    ihdr: false,
    makerNote: true,
    userComment: true,
    mergeOutput: false
  })) as Record<string, unknown> | undefined;
  // 'errors' counts too: exifr reports an Exif item it found in an AVIF but could not parse.
  return Object.keys(parsed ?? {});
}

/** Every finder that applies to this file's format, in one list. */
export async function findMetadata(bytes: Buffer, secrets: string[]): Promise<string[]> {
  const found = [...(await sharpMetadata(bytes))];
  const format = (await sharp(bytes).metadata()).format;
  if (format === 'webp') found.push(...webpMetadata(bytes));
  else found.push(...(await exifrMetadata(bytes)).map((segment) => `exifr:${segment}`));
  if (format === 'heif') found.push(...avifMetadata(bytes));
  for (const secret of secrets) if (bytes.includes(secret)) found.push(`bytes:${secret}`);
  return found;
}
