import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { basemapInfo, configuredArchive } from '$lib/server/map/tile-archive';

/**
 * What /map draws its base from: the operator's tile archive (with its version in the URL, and
 * whether to read it whole or by ranges), or null for the built-in layer. Asked by the map page
 * only, so that no other page (and no catalog byte) depends on it; the same answer for everyone.
 */
export const GET: RequestHandler = () =>
  json(basemapInfo(configuredArchive()), { headers: { 'cache-control': 'no-cache' } });
