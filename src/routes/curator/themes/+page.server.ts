import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { addThemeSchema, moveThemeSchema, renameThemeSchema } from '$lib/schemas/curation';
import { addTheme, listThemeRows, moveTheme, renameTheme } from '$lib/server/curation/themes';
import { curationFail } from '$lib/server/curation/form-failure';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  return {
    admin: user.role === 'admin',
    themes: listThemeRows(db())
  };
};

export const actions: Actions = {
  add: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, addThemeSchema);
    if (!form.ok) return fail(400, { id: 'new', values: form.values, errors: form.errors });
    try {
      addTheme(db(), user, form.data);
    } catch (err) {
      return curationFail('new', err, form.values);
    }
    return { done: 'added' };
  },
  rename: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, renameThemeSchema);
    const id = form.values.slug;
    if (!form.ok) return fail(400, { id, values: form.values, errors: form.errors });
    try {
      renameTheme(db(), user, form.data);
    } catch (err) {
      return curationFail(id, err, form.values);
    }
    return { done: 'renamed' };
  },
  move: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, moveThemeSchema);
    if (!form.ok) return fail(400, { id: form.values.slug, errors: form.errors });
    try {
      moveTheme(db(), user, form.data.slug, form.data.direction);
    } catch (err) {
      return curationFail(form.data.slug, err);
    }
    return { done: 'moved' };
  }
};
