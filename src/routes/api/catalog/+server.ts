import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { catalogDelta, catalogSnapshot, encodeBody } from '$lib/server/catalog/snapshot';
import { encodedJsonResponse } from '$lib/server/http/encoded-response';
import { jsonError } from '$lib/server/http/json-error';
import { sinceParam } from '$lib/schemas/catalog-query';

export const GET: RequestHandler = ({ url, request }) => {
  const database = db();
  const params = [...url.searchParams.keys()];
  const unknown = params.filter((key) => key !== 'since');
  if (unknown.length > 0) {
    return jsonError(400, 'unknown_parameter', `Unknown query parameter: ${unknown.join(', ')}`);
  }
  const sinceRaw = url.searchParams.getAll('since');
  if (sinceRaw.length === 0) return encodedJsonResponse(request, catalogSnapshot(database).body);
  if (sinceRaw.length > 1) return jsonError(400, 'invalid_since', 'Give `since` once.');

  const since = sinceParam.safeParse(sinceRaw[0]);
  if (!since.success) {
    return jsonError(400, 'invalid_since', '`since` must be a non-negative integer catalog version.');
  }
  const { version } = catalogSnapshot(database).snapshot;
  if (since.data > version) {
    return jsonError(400, 'since_in_future', `\`since\` (${since.data}) is newer than the catalog (${version}).`);
  }
  return encodedJsonResponse(request, encodeBody(catalogDelta(database, since.data), 'fast'));
};
