import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { themeOptions } from '$lib/server/merchant/shops';
import { previewContentAction, saveContentAction } from '$lib/server/curation/content-form';

export const load: PageServerLoad = ({ locals, url }) => {
  const database = db();
  requireRole(database, locals, url, 'curator', 'admin');
  return { themes: themeOptions(database) };
};

export const actions: Actions = {
  save: (event) => saveContentAction(event, null),
  preview: (event) => previewContentAction(event)
};
