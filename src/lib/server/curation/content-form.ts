import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import { requireRole } from '../auth/guards';
import { parseForm } from '../forms/read-form';
import { deleteImage, ImageRejected, saveImage } from '../images';
import { MarkdownError, renderMarkdown } from '../markdown/render';
import { contentFormSchema, contentPreviewSchema } from '$lib/schemas/content';
import { themeSlugs } from '$lib/schemas/merchant';
import type { ImageDescriptor } from '$lib/images/limits';
import { ContentError, createContent, deleteContent, findContent, isPublic, updateContent } from './content';

/**
 * Form actions of /curator/content/new and /curator/content/[id]: save (draft, publish or
 * schedule), preview (render only, nothing saved) and delete (with a confirmation box).
 */

async function readFormData(event: RequestEvent): Promise<FormData | null> {
  try {
    return await event.request.formData();
  } catch {
    return null;
  }
}

export async function saveContentAction(event: RequestEvent, id: number | null) {
  const database = db();
  const user = requireRole(database, event.locals, event.url, 'curator', 'admin');
  const formData = await readFormData(event);
  if (!formData) return fail(400, { values: {}, errors: { form: 'invalid' }, themes: [] as string[] });
  const themes = themeSlugs(formData.getAll('themes'));
  const form = parseForm(formData, contentFormSchema);
  if (!form.ok) return fail(400, { values: form.values, errors: form.errors, themes });
  const data = form.data;
  const existing = id === null ? null : findContent(database, id);
  if (id !== null && !existing) error(404, 'Contenu introuvable');

  const now = new Date();
  let status: 'draft' | 'published' = 'published';
  let publishedAt: string | null = null;
  if (data.intent === 'draft') status = 'draft';
  else if (data.intent === 'schedule') {
    if (!data.publishAt) return fail(400, { values: form.values, errors: { publishAt: 'required' }, themes });
    if (data.publishAt <= now.toISOString()) return fail(400, { values: form.values, errors: { publishAt: 'schedule_past' }, themes });
    publishedAt = data.publishAt;
  } else if (existing && isPublic(existing, now)) {
    // Already public: an edit keeps its publication date (it is not "new" again).
    publishedAt = existing.publishedAt;
  }

  let image: ImageDescriptor | null | undefined = data.removeImage ? null : undefined;
  const upload = formData.get('image');
  if (upload instanceof File && upload.size > 0) {
    try {
      image = await saveImage(upload, { visibility: 'public' });
    } catch (err) {
      if (err instanceof ImageRejected) return fail(400, { values: form.values, errors: { image: err.code }, imageRejected: err.code, themes });
      throw err;
    }
  }

  const input = {
    kind: data.kind,
    title: data.title,
    summary: data.summary,
    body: data.body,
    place: data.place,
    address: data.address,
    lat: data.lat,
    lng: data.lng,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    priceLabel: data.priceLabel,
    themes,
    featured: data.featured,
    status,
    publishedAt,
    image
  };
  let savedId: number;
  try {
    if (id === null) {
      savedId = createContent(database, user, input, now);
    } else {
      const replaced = updateContent(database, user, id, input, now);
      if (replaced) await deleteImage(replaced.id);
      savedId = id;
    }
  } catch (err) {
    if (image) await deleteImage(image.id);
    if (err instanceof ContentError) {
      if (err.code === 'not_found') error(404, 'Contenu introuvable');
      return fail(400, { values: form.values, errors: { [err.field]: err.code }, themes });
    }
    throw err;
  }
  redirect(303, `/curator/content/${savedId}?saved=${data.intent}`);
}

/** Renders the body exactly as the catalog will ship it (body_html), without saving anything. */
export async function previewContentAction(event: RequestEvent) {
  const database = db();
  requireRole(database, event.locals, event.url, 'curator', 'admin');
  const formData = await readFormData(event);
  if (!formData) return fail(400, { values: {}, errors: { form: 'invalid' }, themes: [] as string[] });
  const themes = themeSlugs(formData.getAll('themes'));
  const form = parseForm(formData, contentPreviewSchema);
  if (!form.ok) return fail(400, { values: form.values, errors: form.errors, themes });
  try {
    return { values: form.values, themes, preview: renderMarkdown(form.data.body) };
  } catch (err) {
    if (err instanceof MarkdownError) {
      return fail(400, { values: form.values, errors: { body: err.code === 'too_long' ? 'markdown_too_long' : 'markdown_too_complex' }, themes });
    }
    throw err;
  }
}

export async function deleteContentAction(event: RequestEvent, id: number) {
  const database = db();
  const user = requireRole(database, event.locals, event.url, 'curator', 'admin');
  const formData = await readFormData(event);
  if (formData?.get('confirm') !== 'on') return fail(400, { scope: 'delete', errors: { confirm: 'confirm_required' } });
  let image: ImageDescriptor | null;
  try {
    image = deleteContent(database, user, id);
  } catch (err) {
    if (err instanceof ContentError && err.code === 'not_found') error(404, 'Contenu introuvable');
    throw err;
  }
  if (image) await deleteImage(image.id);
  redirect(303, '/curator/content?deleted=1');
}
