import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/forms/read-form';
import { shopMember } from '$lib/server/merchant/route-params';
import { themeOptions } from '$lib/server/merchant/shops';
import {
  addShopClosure,
  addShopPhotos,
  MAX_SHOP_PHOTOS,
  removeShopClosure,
  removeShopPhoto,
  saveShopSettings,
  shopSettings
} from '$lib/server/merchant/shop-settings';
import { createInvite, pendingInvites, removeStaff, revokeInvite, teamMembers } from '$lib/server/merchant/invites';
import { deleteImage, ImageRejected, saveImage } from '$lib/server/images';
import { MarkdownError, renderMarkdown } from '$lib/server/markdown/render';
import type { ImageDescriptor } from '$lib/images/limits';
import { inviteSchema, shopSettingsSchema, themeSlugs } from '$lib/schemas/merchant';
import { parseCalendarDate, parseWeeklyHours } from '$lib/merchant/shop-hours';

export const load: PageServerLoad = (event) => {
  const { database, shopId, role } = shopMember(event);
  const shop = shopSettings(database, shopId);
  if (!shop) error(404, 'Boutique introuvable');
  return {
    role,
    shop,
    themes: themeOptions(database),
    maxPhotos: MAX_SHOP_PHOTOS,
    team: role === 'owner' ? teamMembers(database, shopId) : null,
    invites: role === 'owner' ? pendingInvites(database, shopId) : null
  };
};

async function formOf(event: RequestEvent): Promise<FormData | null> {
  try {
    return await event.request.formData();
  } catch {
    return null;
  }
}


export const actions: Actions = {
  save: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    if (!formData) return fail(400, { action: 'save', values: {}, errors: { form: 'invalid' }, themes: [] as string[] });
    const themes = themeSlugs(formData.getAll('themes'));
    const form = parseForm(formData, shopSettingsSchema);
    const hours = parseWeeklyHours((name) => {
      const v = formData.get(name);
      return typeof v === 'string' ? v : null;
    });
    const errors: Record<string, string> = { ...(form.ok ? {} : form.errors), ...(hours.ok ? {} : hours.errors) };
    if (form.ok) {
      // The source is stored as typed; refuse now one that could never be rendered later.
      try {
        renderMarkdown(form.data.description);
      } catch (e) {
        if (!(e instanceof MarkdownError)) throw e;
        errors.description = e.code === 'too_complex' ? 'markdown_too_complex' : 'too_long';
      }
    }
    if (!form.ok || !hours.ok || Object.keys(errors).length) {
      // markdownField words its own (sentence) message; the only way it fails here is length.
      if (errors.description && errors.description !== 'markdown_too_complex') errors.description = 'too_long';
      return fail(400, { action: 'save', values: form.values, errors, themes });
    }
    if (!saveShopSettings(database, shopId, { ...form.data, hours: hours.hours, themes })) error(404, 'Boutique introuvable');
    return { action: 'save', saved: true };
  },

  addClosure: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    const date = parseCalendarDate(String(formData?.get('date') ?? ''));
    if (!date) return fail(400, { action: 'closure', errors: { date: 'date_invalid' } });
    if (!addShopClosure(database, shopId, date)) error(404, 'Boutique introuvable');
    return { action: 'closure', saved: true };
  },

  removeClosure: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    const date = parseCalendarDate(String(formData?.get('date') ?? ''));
    if (date) removeShopClosure(database, shopId, date);
    return { action: 'closure', saved: true };
  },

  addPhotos: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    const files = (formData?.getAll('photos') ?? []).filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) return fail(400, { action: 'photos', photoError: 'empty' as const });
    const current = shopSettings(database, shopId)?.photos.length ?? 0;
    if (current + files.length > MAX_SHOP_PHOTOS) return fail(400, { action: 'photos', tooMany: true });
    const saved: ImageDescriptor[] = [];
    try {
      for (const file of files) saved.push(await saveImage(file, { visibility: 'public' }));
    } catch (e) {
      await Promise.all(saved.map((p) => deleteImage(p.id)));
      if (e instanceof ImageRejected) return fail(400, { action: 'photos', photoError: e.code });
      throw e;
    }
    if (!addShopPhotos(database, shopId, saved)) {
      await Promise.all(saved.map((p) => deleteImage(p.id)));
      return fail(400, { action: 'photos', tooMany: true });
    }
    return { action: 'photos', saved: true };
  },

  removePhoto: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    const removed = removeShopPhoto(database, shopId, String(formData?.get('photo') ?? ''));
    // The files go once the row no longer points at them.
    if (removed) await deleteImage(removed.id);
    return { action: 'photos', saved: true };
  },

  invite: async (event) => {
    const { database, shopId, user } = shopMember(event, 'owner');
    const formData = await formOf(event);
    if (!formData) return fail(400, { action: 'invite', values: {}, errors: { form: 'invalid' } });
    const form = parseForm(formData, inviteSchema);
    if (!form.ok) return fail(400, { action: 'invite', values: form.values, errors: form.errors });
    const result = createInvite(database, shopId, user.id, form.data.email);
    if ('error' in result) return fail(400, { action: 'invite', values: form.values, errors: { email: 'invite_already_member' } });
    return { action: 'invite', inviteLink: `${event.url.origin}/merchant/invite/${result.token}`, inviteEmail: form.data.email };
  },

  revokeInvite: async (event) => {
    const { database, shopId } = shopMember(event, 'owner');
    const formData = await formOf(event);
    const id = Number(formData?.get('invite'));
    if (Number.isInteger(id) && id > 0) revokeInvite(database, shopId, id);
    return { action: 'team', saved: true };
  },

  removeMember: async (event) => {
    const { database, shopId } = shopMember(event, 'owner');
    const formData = await formOf(event);
    const id = Number(formData?.get('user'));
    if (Number.isInteger(id) && id > 0) removeStaff(database, shopId, id);
    return { action: 'team', saved: true };
  }
};
