import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_ID_PATTERN, parseVariantName, variantName } from '../../src/lib/images/media-url';
import { deleteImage, readVariant, saveImage } from '../../src/lib/server/images';
import { readStoredVariant } from '../../src/lib/server/images/storage';
import { asFile, jpegFixture, listFiles, useTemporaryUploads } from '../support/image-fixtures';

describe('image storage', () => {
  let uploads: Awaited<ReturnType<typeof useTemporaryUploads>>;
  beforeEach(async () => {
    uploads = await useTemporaryUploads();
  });
  afterEach(async () => {
    await uploads.cleanup();
  });

  it('lives under PLACETTE_UPLOADS, in public/<id>/<width>.<format>', async () => {
    const image = await saveImage(await jpegFixture({ width: 700, height: 500 }), { visibility: 'public' });
    expect(await listFiles(uploads.root)).toEqual([
      `public/${image.id}/320.avif`,
      `public/${image.id}/320.webp`,
      `public/${image.id}/640.avif`,
      `public/${image.id}/640.webp`
    ]);
  });

  it('names every upload with a fresh 128-bit random id, even for identical bytes', async () => {
    const jpeg = await jpegFixture({ width: 400, height: 300 });
    const ids = new Set<string>();
    for (let i = 0; i < 4; i++) ids.add((await saveImage(jpeg, { visibility: 'public' })).id);
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(IMAGE_ID_PATTERN);
  });

  it('never writes the uploaded file name, in a path or in a file', async () => {
    const file = asFile(await jpegFixture({ width: 400, height: 300 }), 'Jeanne-Dupont_chez-moi 12 rue du Taur.jpg', 'image/jpeg');
    await saveImage(file, { visibility: 'public' });
    const paths = await listFiles(uploads.root);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path).not.toMatch(/jeanne|dupont|taur|\.jpe?g/i);
      const bytes = await readFile(join(uploads.root, path));
      expect(bytes.includes('Jeanne'), path).toBe(false);
      expect(bytes.includes('Taur'), path).toBe(false);
    }
  });

  it('keeps public and private images apart; /media-style reads see public ones only', async () => {
    const jpeg = await jpegFixture({ width: 400, height: 300 });
    const shared = await saveImage(jpeg, { visibility: 'public' });
    const secret = await saveImage(jpeg, { visibility: 'private' });
    expect(await listFiles(join(uploads.root, 'private'))).toEqual([`${secret.id}/320.avif`, `${secret.id}/320.webp`]);

    const secretName = variantName({ id: secret.id, width: 320, format: 'webp' });
    expect(await readVariant('public', secretName)).toBeNull();
    expect(await readVariant('private', secretName)).not.toBeNull();
    const sharedName = variantName({ id: shared.id, width: 320, format: 'webp' });
    expect(await readVariant('private', sharedName)).toBeNull();
    expect(await readVariant('public', sharedName)).not.toBeNull();
  });

  it('deletes every variant of an image, wherever it is, and leaves no scratch behind', async () => {
    const jpeg = await jpegFixture({ width: 700, height: 500 });
    const kept = await saveImage(jpeg, { visibility: 'public' });
    const gone = await saveImage(jpeg, { visibility: 'public' });
    const goneToo = await saveImage(jpeg, { visibility: 'private' });

    expect(await deleteImage(gone.id)).toBe(true);
    expect(await deleteImage(goneToo.id)).toBe(true);
    expect(await deleteImage(gone.id)).toBe(false);
    expect(await deleteImage('../public')).toBe(false);

    const paths = await listFiles(uploads.root);
    expect(paths.every((path) => path.startsWith(`public/${kept.id}/`))).toBe(true);
    expect(paths).toHaveLength(4);
    expect(await readdir(join(uploads.root, 'tmp'))).toEqual([]);
    expect(await readVariant('public', variantName({ id: gone.id, width: 320, format: 'avif' }))).toBeNull();
  });

  it('returns the stored bytes and a strong ETag for a valid name', async () => {
    const image = await saveImage(await jpegFixture({ width: 700, height: 500 }), { visibility: 'public' });
    const variant = await readVariant('public', `${image.id}-640.avif`);
    expect(variant).not.toBeNull();
    expect(variant!.contentType).toBe('image/avif');
    expect(variant!.bytes.equals(await readFile(join(uploads.root, 'public', image.id, '640.avif')))).toBe(true);
    expect(variant!.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const other = await readVariant('public', `${image.id}-640.webp`);
    expect(other!.etag).not.toBe(variant!.etag);
  });

  describe('refuses every name outside the grammar <id>-<width>.<avif|webp>', () => {
    let id: string;
    beforeEach(async () => {
      id = (await saveImage(await jpegFixture({ width: 400, height: 300 }), { visibility: 'public' })).id;
      // A file an attacker would love to reach, right next to the stores.
      await mkdir(join(uploads.root, 'private', id), { recursive: true });
      await writeFile(join(uploads.root, 'private', id, '320.webp'), 'PRIVATE');
      await writeFile(join(uploads.root, 'secret.webp'), 'SECRET');
    });

    const names = (id: string): string[] => [
      `../private/${id}-320.webp`,
      `../private/${id}/320.webp`,
      `..%2Fprivate%2F${id}-320.webp`,
      `%2e%2e/secret.webp`,
      '../secret.webp',
      '..\\secret.webp',
      '/etc/passwd',
      `${id}/320.webp`,
      `${id}-320.webp/`,
      `${id}-320.webp\0.png`,
      `${id}-320.webp%00`,
      `${id}-500.webp`,
      `${id}-0320.webp`,
      `${id}-640.webp`, // an allowed width, but this image is 400 px wide: not stored
      `${id}-320.jpg`,
      `${id}-320.WEBP`,
      `${id}-320.webp.webp`,
      `${id.toUpperCase()}-320.webp`,
      `${id.slice(1)}-320.webp`,
      `${id}a-320.webp`,
      `${id}-320`,
      `${id}.webp`,
      ` ${id}-320.webp`,
      'secret.webp',
      ''
    ];

    it('returns null for each, from either store', async () => {
      for (const name of names(id)) {
        expect(await readVariant('public', name), name).toBeNull();
        if (name !== `${id}-320.webp`) expect(await readVariant('private', name), name).toBeNull();
      }
      // The control: the one well-formed name does answer.
      expect((await readVariant('public', `${id}-320.webp`))?.bytes.length).toBeGreaterThan(0);
    });

    it('does not even parse them', () => {
      for (const name of names(id).filter((n) => n !== `${id}-640.webp`)) expect(parseVariantName(name), name).toBeNull();
      expect(parseVariantName(`${id}-640.webp`)).toEqual({ id, width: 640, format: 'webp' });
    });

    it('checks a forged ref again at the file-system layer', async () => {
      const forged = [
        { id: `../private/${id}`, width: 320, format: 'webp' },
        { id, width: 320, format: '../../secret' },
        { id, width: 321, format: 'webp' },
        { id, width: 320, format: 'constructor' }
      ];
      for (const ref of forged) {
        // @ts-expect-error: deliberately outside the VariantRef type, as a bug elsewhere might pass.
        expect(await readStoredVariant('public', ref), JSON.stringify(ref)).toBeNull();
      }
      // @ts-expect-error: a visibility that does not exist
      expect(await readStoredVariant('..', { id, width: 320, format: 'webp' })).toBeNull();
    });
  });
});
