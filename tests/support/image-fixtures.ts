import sharp, { type Sharp } from 'sharp';
import { deflateSync } from 'node:zlib';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Strings planted in fixtures' metadata: none may appear in anything Placette stores. */
export const SECRET = {
  artist: 'Jeanne Dupont',
  description: 'PLACETTE-EXIF-SECRET-7f3a',
  xmpCreator: 'PLACETTE-XMP-SECRET-91c2',
  camera: 'AcmePhone 9 Pro'
};

/** GPS of the Capitole, written the way cameras do (degrees, minutes, seconds as rationals). */
export const SECRET_GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '43/1 36/1 15/1',
  GPSLongitudeRef: 'E',
  GPSLongitude: '1/1 26/1 38/1'
};

const XMP =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/">' +
  `<dc:creator><rdf:Seq><rdf:li>${SECRET.xmpCreator}</rdf:li></rdf:Seq></dc:creator>` +
  '<exif:GPSLatitude>43,36.25N</exif:GPSLatitude><exif:GPSLongitude>1,26.633E</exif:GPSLongitude>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

/**
 * Raw RGB pixels that tell their orientation: the left half is red, the right half blue, with a
 * gentle gradient so encoders have something to do. Stored left/right, an orientation-6 photo
 * must come out red on top and blue at the bottom.
 */
export function halvesPixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const shade = Math.round((40 * y) / height);
      if (x < width / 2) data.set([215 - shade, 40, 50], at);
      else data.set([30, 60, 200 - shade], at);
    }
  }
  return data;
}

export interface FixtureOptions {
  width: number;
  height: number;
  /** EXIF Orientation tag to write (1–8). */
  orientation?: number;
  /** Plant EXIF (camera, artist, description, GPS), XMP (creator, GPS) and a Display P3 ICC profile. */
  privateMetadata?: boolean;
  alpha?: boolean;
}

function pipeline({ width, height, alpha }: FixtureOptions): Sharp {
  const image = sharp(halvesPixels(width, height), { raw: { width, height, channels: 3 } });
  return alpha ? image.ensureAlpha(0.6) : image;
}

function withFixtureMetadata(image: Sharp, options: FixtureOptions): Sharp {
  let out = image;
  if (options.privateMetadata) {
    out = out
      .withExif({
        IFD0: { Make: 'Acme', Model: SECRET.camera, Artist: SECRET.artist, ImageDescription: SECRET.description },
        IFD3: SECRET_GPS
      })
      .withXmp(XMP)
      .withIccProfile('p3');
  }
  if (options.orientation) out = out.withMetadata({ orientation: options.orientation });
  return out;
}

export function jpegFixture(options: FixtureOptions): Promise<Buffer> {
  return withFixtureMetadata(pipeline(options).jpeg({ quality: 90 }), options).toBuffer();
}

export function pngFixture(options: FixtureOptions): Promise<Buffer> {
  return withFixtureMetadata(pipeline(options).png(), options).toBuffer();
}

export function webpFixture(options: FixtureOptions): Promise<Buffer> {
  return withFixtureMetadata(pipeline(options).webp({ quality: 90 }), options).toBuffer();
}

export function avifFixture(options: FixtureOptions): Promise<Buffer> {
  return withFixtureMetadata(pipeline(options).avif({ quality: 60, effort: 0 }), options).toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A decompression bomb's shape: a valid PNG header announcing width × height pixels, followed by
 * a few bytes of (valid, short) image data. Tiny on the wire; huge if anyone decoded it.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, adaptive filter, no interlace
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))), // one row only
    pngChunk('IEND', Buffer.alloc(0))
  ]);
}

/** A File as a form action receives it (a Buffer is not a BlobPart under TypeScript's DOM types). */
export function asFile(bytes: Uint8Array, name: string, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** A fresh PLACETTE_UPLOADS directory per test; returns the path and a cleanup. */
export async function useTemporaryUploads(): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'placette-uploads-'));
  const previous = process.env.PLACETTE_UPLOADS;
  process.env.PLACETTE_UPLOADS = root;
  return {
    root,
    cleanup: async () => {
      if (previous === undefined) delete process.env.PLACETTE_UPLOADS;
      else process.env.PLACETTE_UPLOADS = previous;
      await rm(root, { recursive: true, force: true });
    }
  };
}

/** Every file under a directory, as paths relative to it. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}
