import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { catalogSnapshot } from '$lib/server/catalog/snapshot';
import { shopPageData } from '$lib/catalog/page-data';
import { slugParam } from '$lib/schemas/catalog-query';
import { jsonError } from '$lib/server/http/json-error';

/** One shop's page data, for server rendering of direct links (the app itself reads its copy). */
export const GET: RequestHandler = ({ params }) => {
  const slug = slugParam.safeParse(params.slug);
  if (!slug.success) return jsonError(404, 'not_found', 'No such shop.');
  const data = shopPageData(catalogSnapshot(db()).index, slug.data);
  if (!data) return jsonError(404, 'not_found', 'No such shop.');
  return json(data, { headers: { 'cache-control': 'public, max-age=60' } });
};
