/**
 * Which container the first bytes announce. This is a gate, not the verdict: only the decoders
 * for accepted formats ever see an upload (libvips would otherwise also parse SVG, TIFF, PDF…
 * from untrusted bytes), and sharp's own reading of the data must then agree.
 */
export type Container = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic';
export type RefusedContainer = 'gif' | 'tiff' | 'bmp' | 'svg';

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** ISO-BMFF `ftyp`: the major brand and the compatible brands say AVIF or HEIC. */
function isobmffBrand(bytes: Uint8Array): 'avif' | 'heic' | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const end = Math.min(boxSize, bytes.length, 4096);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  return null;
}

export function sniffContainer(bytes: Uint8Array): Container | RefusedContainer | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const brand = isobmffBrand(bytes);
  if (brand) return brand;
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'tiff';
  // 'BM' alone starts too much text; a BMP header also has four reserved zero bytes.
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 10 && bytes.subarray(6, 10).every((b) => b === 0)) return 'bmp';
  if (/^(\ufeff)?\s*<(\?xml|svg|!doctype svg)/i.test(new TextDecoder().decode(bytes.subarray(0, 256)))) return 'svg';
  return null;
}

export function isAccepted(container: ReturnType<typeof sniffContainer>): container is Container {
  return container === 'jpeg' || container === 'png' || container === 'webp' || container === 'avif' || container === 'heic';
}
