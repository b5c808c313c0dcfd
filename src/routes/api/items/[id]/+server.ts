import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { catalogSnapshot } from '$lib/server/catalog/snapshot';
import { itemPageData } from '$lib/catalog/page-data';
import { catalogIdParam } from '$lib/schemas/catalog-query';
import { jsonError } from '$lib/server/http/json-error';

/** One item's page data, for server rendering of direct links (the app itself reads its copy). */
export const GET: RequestHandler = ({ params }) => {
  const id = catalogIdParam.safeParse(params.id);
  if (!id.success) return jsonError(404, 'not_found', 'No such item.');
  const data = itemPageData(catalogSnapshot(db()).index, id.data);
  if (!data) return jsonError(404, 'not_found', 'No such item.');
  return json(data, { headers: { 'cache-control': 'public, max-age=60' } });
};
