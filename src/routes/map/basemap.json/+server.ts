import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { configuredArchive, versionedArchiveUrl } from '$lib/server/map/tile-archive';

/**
 * What /map draws its base from: the operator's tile archive (with its version in the URL), or
 * null for the built-in layer. Asked by the map page only, so that no other page (and no catalog
 * byte) depends on it; the answer is the same for everyone.
 */
export const GET: RequestHandler = () => {
  const archive = configuredArchive();
  return json({ archive: archive ? versionedArchiveUrl(archive) : null }, { headers: { 'cache-control': 'no-cache' } });
};
