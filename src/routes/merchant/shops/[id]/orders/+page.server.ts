import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/forms/read-form';
import { memberShop, shopMember } from '$lib/server/merchant/route-params';
import { attachDeliveryPhoto, parisToday, shopBoard } from '$lib/server/orders/board';
import { acceptPart, collectPart, expireDueOrders, markReady, refusePart, type StepResult } from '$lib/server/orders/transitions';
import { deleteImage, ImageRejected, saveImage } from '$lib/server/images';
import { orderOfPart, refundSoon } from '$lib/server/orders/refunds';
import { paymentProvider } from '$lib/server/payments';
import { collectFormSchema, partStepSchema, refuseFormSchema } from '$lib/schemas/order-settings';
import type { ImageDescriptor } from '$lib/images/limits';

/**
 * The live orders board of one shop. Every step is a plain form (works without JavaScript); the
 * page polls GET /api/merchant/shops/[id]/board (ETag) and reloads this data when it changes.
 */
export const load: PageServerLoad = ({ locals, url, params, depends }) => {
  depends('app:board');
  const { database, shopId, shop } = memberShop({ locals, url, params });
  expireDueOrders(database);
  const board = shopBoard(database, shopId);
  return { shop, parts: board.parts, version: board.version, today: parisToday() };
};

export type BoardStep = 'accept' | 'ready' | 'refuse' | 'collect' | 'photo';

async function formOf(event: RequestEvent): Promise<FormData | null> {
  try {
    return await event.request.formData();
  } catch {
    return null;
  }
}

/** A refused step, with the error shown next to the part's buttons (or its field). */
function stepFail(step: BoardStep, part: number | null, result: Extract<StepResult, { ok: false }>, values: Record<string, string> = {}) {
  switch (result.error) {
    case 'not_found':
      return fail(404, { step, part, values, errors: { form: 'order_not_found' } });
    case 'wrong_code':
      return fail(422, { step, part, values, errors: { code: 'pickup_code_wrong' } });
    case 'payment_pending':
      return fail(409, { step, part, values, errors: { form: 'order_payment_pending' } });
    case 'wrong_status':
      return fail(409, { step, part, values, errors: { form: 'order_wrong_status' } });
  }
}

/** Accept and ready: the part id only. */
async function simpleStep(event: RequestEvent, step: 'accept' | 'ready') {
  const { database, shopId } = shopMember(event);
  const formData = await formOf(event);
  const form = formData ? parseForm(formData, partStepSchema) : null;
  if (!form?.ok) return fail(400, { step, part: null, values: {}, errors: { form: 'invalid' } });
  const result = step === 'accept' ? acceptPart(database, shopId, form.data.part) : markReady(database, shopId, form.data.part);
  if (!result.ok) return stepFail(step, form.data.part, result);
  return { step, part: form.data.part, done: step };
}

/** The part id a failed form was about, when it can be read, so the error shows on its card. */
function partOf(formData: FormData | null): number | null {
  const raw = formData?.get('part');
  return typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}

export const actions: Actions = {
  accept: (event) => simpleStep(event, 'accept'),
  ready: (event) => simpleStep(event, 'ready'),

  refuse: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    if (!formData) return fail(400, { step: 'refuse', part: null, values: {}, errors: { form: 'invalid' } });
    const form = parseForm(formData, refuseFormSchema);
    if (!form.ok) return fail(400, { step: 'refuse', part: partOf(formData), values: form.values, errors: form.errors });
    const result = refusePart(database, shopId, form.data.part, form.data.reason);
    if (!result.ok) return stepFail('refuse', form.data.part, result, form.values);
    // Paid online: the customer's money goes back (a failure stays "remboursement en attente", retried).
    if (result.part.refund) await refundSoon(database, paymentProvider('online'), orderOfPart(database, form.data.part)!);
    return { step: 'refuse', part: form.data.part, done: 'refuse' };
  },

  collect: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    if (!formData) return fail(400, { step: 'collect', part: null, values: {}, errors: { form: 'invalid' } });
    const form = parseForm(formData, collectFormSchema);
    if (!form.ok) return fail(400, { step: 'collect', part: partOf(formData), values: form.values, errors: form.errors });
    const result = collectPart(database, shopId, form.data.part, form.data.code);
    if (!result.ok) return stepFail('collect', form.data.part, result, form.values);
    return { step: 'collect', part: form.data.part, done: 'collect' };
  },

  photo: async (event) => {
    const { database, shopId } = shopMember(event);
    const formData = await formOf(event);
    const part = partOf(formData);
    if (!formData || part === null) return fail(400, { step: 'photo', part, values: {}, errors: { form: 'invalid' } });
    const file = formData.get('photo');
    if (!(file instanceof File) || file.size === 0) return fail(400, { step: 'photo', part, values: {}, errors: { photo: 'photo_required' } });
    let saved: ImageDescriptor;
    try {
      // Private: only the customer and the shop ever get it, never /media.
      saved = await saveImage(file, { visibility: 'private' });
    } catch (e) {
      if (e instanceof ImageRejected) return fail(400, { step: 'photo', part, values: {}, errors: { photo: `image_${e.code}` } });
      throw e;
    }
    const result = attachDeliveryPhoto(database, shopId, part, saved);
    if (!result.ok) {
      await deleteImage(saved.id);
      if (result.error === 'not_found') return fail(404, { step: 'photo', part, values: {}, errors: { form: 'order_not_found' } });
      return fail(409, { step: 'photo', part, values: {}, errors: { form: 'order_wrong_status' } });
    }
    // The files of a replaced photo go once the row no longer points at them.
    if (result.previous) await deleteImage(result.previous.id);
    return { step: 'photo', part, done: 'photo' };
  }
};
