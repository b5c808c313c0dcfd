import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { currentCatalogVersion } from '$lib/server/catalog/log';

export const GET: RequestHandler = () => {
  try {
    const version = currentCatalogVersion(db());
    return json({ status: 'ok', catalog_version: version }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return json({ status: 'error', message: 'database unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
};
