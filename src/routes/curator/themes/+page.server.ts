import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { addThemeSchema, moveThemeSchema, renameThemeSchema } from '$lib/schemas/curation';
import { addTheme, listThemeRows, moveTheme, renameTheme } from '$lib/server/curation/themes';
import { curatorDecision } from '$lib/server/curation/form-failure';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  return {
    admin: user.role === 'admin',
    themes: listThemeRows(db())
  };
};

const slugRow = (values: Record<string, string>) => values.slug;

export const actions: Actions = {
  add: curatorDecision(addThemeSchema, () => 'new', (database, user, data) => addTheme(database, user, data), 'added'),
  rename: curatorDecision(renameThemeSchema, slugRow, (database, user, data) => renameTheme(database, user, data), 'renamed'),
  move: curatorDecision(moveThemeSchema, slugRow, (database, user, data) => moveTheme(database, user, data.slug, data.direction), 'moved')
};
