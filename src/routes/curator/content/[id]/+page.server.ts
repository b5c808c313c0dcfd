import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { themeOptions } from '$lib/server/merchant/shops';
import { idParam } from '$lib/server/merchant/route-params';
import { contentState, findContent } from '$lib/server/curation/content';
import { deleteContentAction, previewContentAction, saveContentAction } from '$lib/server/curation/content-form';
import { catalogId } from '$lib/catalog/types';

export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  requireRole(database, locals, url, 'curator', 'admin');
  const item = findContent(database, idParam(params.id));
  if (!item) error(404, 'Contenu introuvable');
  const saved = url.searchParams.get('saved');
  return {
    item,
    state: contentState(item, new Date()),
    publicId: catalogId(item.kind, item.id),
    themes: themeOptions(database),
    saved: saved === 'draft' || saved === 'publish' || saved === 'schedule' ? saved : null
  };
};

export const actions: Actions = {
  save: (event) => saveContentAction(event, idParam(event.params.id)),
  preview: (event) => previewContentAction(event),
  delete: (event) => deleteContentAction(event, idParam(event.params.id))
};
