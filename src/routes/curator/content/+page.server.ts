import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listContent } from '$lib/server/curation/content';
import { contentListQuery } from '$lib/schemas/content';

export const load: PageServerLoad = ({ locals, url }) => {
  const database = db();
  requireRole(database, locals, url, 'curator', 'admin');
  const filters = contentListQuery.parse({
    kind: url.searchParams.get('kind') || undefined,
    status: url.searchParams.get('status') || undefined,
    q: url.searchParams.get('q') || undefined
  });
  return { filters, items: listContent(database, filters), deleted: url.searchParams.has('deleted') };
};
