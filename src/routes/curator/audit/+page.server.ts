import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { countAudit, listAudit } from '$lib/server/curation/audit';

const PER_PAGE = 50;

export const load: PageServerLoad = ({ locals, url }) => {
  requireRole(db(), locals, url, 'curator', 'admin');
  const database = db();
  const total = countAudit(database);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const asked = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  return { entries: listAudit(database, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }), page, pages, total };
};
