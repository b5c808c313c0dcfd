import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { parseForm } from '../forms/read-form';
import { productSchema, themeSlugs } from '$lib/schemas/merchant';
import { findProduct, saveProduct, type PhotoChange } from './products';
import { deleteImage, ImageRejected, saveImage } from '../images';
import { shopMember } from './route-params';

/** The add/edit product action, shared by /products/new and /products/[productId]. */
export async function productAction(event: RequestEvent, productId: number | null) {
  const { database, shopId } = shopMember(event);
  let formData: FormData;
  try {
    formData = await event.request.formData();
  } catch {
    return fail(400, { values: {}, errors: { form: 'invalid' }, themes: [] as string[] });
  }
  const themes = themeSlugs(formData.getAll('themes'));
  const form = parseForm(formData, productSchema);
  if (!form.ok) return fail(400, { values: form.values, errors: form.errors, themes });
  if (productId !== null && !findProduct(database, shopId, productId)) error(404, 'Produit introuvable');

  // One photo per product: a new file replaces it, the checkbox removes it.
  let photos: PhotoChange = { keep: true };
  const upload = formData.get('photo');
  if (upload instanceof File && upload.size > 0) {
    try {
      photos = { replace: [await saveImage(upload, { visibility: 'public' })] };
    } catch (err) {
      if (!(err instanceof ImageRejected)) throw err;
      return fail(400, { values: form.values, errors: { photo: `image_${err.code}` }, themes });
    }
  } else if (formData.get('removePhoto') === 'on') {
    photos = { replace: [] };
  }
  const saved = saveProduct(database, shopId, productId, { ...form.data, themes }, photos);
  if (saved === null) error(404, 'Produit introuvable');
  // Files go once the rows no longer point at them.
  for (const old of saved.replacedPhotos) await deleteImage(old.id);
  redirect(303, `/merchant/shops/${shopId}/products`);
}
