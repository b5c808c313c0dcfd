import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { readJsonBody } from '$lib/server/http/json-body';
import { deleteImage, saveImage } from '$lib/server/images';
import { postMessageSchema } from '$lib/schemas/messaging';
import { existingMessage, MessagingError, participantSide, postMessage } from '$lib/server/messaging/service';
import { conversationParam, messagingErrorResponse } from '$lib/server/messaging/http';
import type { ImageDescriptor } from '$lib/images/limits';

/**
 * `POST /api/conversations/[id]/messages` `{ "clientId": uuid, "body", "photo"? }` — JSON, or
 * multipart/form-data when a photo is attached. 201 `{ "id", "createdAt" }`; the same clientId
 * again answers 200 with the first message's id (never a second message). A non-participant
 * gets 404; a shop the customer blocked gets 403.
 */
export const POST: RequestHandler = async ({ locals, request, params }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const conversationId = conversationParam(params.id);
  if (conversationId === null) return messagingErrorResponse(new MessagingError('not_found'));
  const database = db();
  // Who may write is checked before the body (and any photo) is read.
  const found = participantSide(database, conversationId, auth.user.id);
  if (!found) return messagingErrorResponse(new MessagingError('not_found'));
  if (found.side === 'shop' && found.conversation.citizenBlocked) return messagingErrorResponse(new MessagingError('blocked'));

  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  let fields: { clientId: string; body: string };
  let upload: File | null = null;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return jsonError(400, 'invalid_body', 'The multipart body could not be read.');
    }
    const parsed = postMessageSchema.safeParse({ clientId: form.get('clientId') ?? undefined, body: form.get('body') ?? undefined });
    if (!parsed.success) return invalid(parsed.error.issues);
    fields = parsed.data;
    const photo = form.get('photo');
    if (photo !== null && !(photo instanceof File)) return jsonError(400, 'invalid_body', 'photo: expected a file.');
    if (photo && photo.size > 0) upload = photo;
  } else {
    const body = await readJsonBody(request, postMessageSchema);
    if (!body.ok) return body.response;
    fields = body.data;
  }

  const answer = (message: { id: number; createdAt: string }, status: number, extra: object = {}) =>
    json({ id: message.id, createdAt: message.createdAt, ...extra }, { status, headers: { 'cache-control': 'no-store' } });

  // A retry of a message already stored: answered at once, the photo is not processed again.
  const again = existingMessage(database, conversationId, fields.clientId);
  if (again) return answer(again, 200, { message: again });

  let photo: ImageDescriptor | null = null;
  try {
    if (upload) photo = await saveImage(upload, { visibility: 'private' });
    const { message, created } = postMessage(database, auth.user, conversationId, { ...fields, photo });
    // Two identical retries raced: the loser's copy of the photo is not kept.
    if (!created && photo && message.photo?.id !== photo.id) await deleteImage(photo.id);
    return answer(message, created ? 201 : 200, { message });
  } catch (error) {
    if (photo) await deleteImage(photo.id);
    return messagingErrorResponse(error);
  }
};

function invalid(issues: { path: PropertyKey[]; message: string }[]): Response {
  const list = issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  return jsonError(400, 'invalid_body', list.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; '), { issues: list });
}
