import { error, fail } from '@sveltejs/kit';
import { readForm } from '../forms/read-form';
import { db } from '../db';
import { conversationParam } from './http';
import { MessagingError, setReadReceipts } from './service';
import { z } from 'zod';

/** The conversation id of a page route, or the same 404 as a stranger's conversation. */
export function pageConversationId(raw: string): number {
  const id = conversationParam(raw);
  if (id === null) error(404, 'Conversation introuvable');
  return id;
}

/** A refusal from the messaging rules, as a form failure the page can show. */
export function messagingFail(err: unknown) {
  if (err instanceof MessagingError) {
    if (err.code === 'not_found') error(404, 'Conversation introuvable');
    return fail(err.status, { errors: { form: err.code } });
  }
  throw err;
}

const receiptsSchema = z.object({ readReceipts: z.enum(['on']).optional() });

/** The "read receipts" switch, shared by the citizen's and the shop's message pages. */
export async function saveReadReceipts(userId: number, request: Request) {
  const form = await readForm(request, receiptsSchema);
  if (!form.ok) return fail(400, { errors: form.errors });
  setReadReceipts(db(), userId, form.data.readReceipts === 'on');
  return { done: form.data.readReceipts === 'on' ? 'receipts_on' : 'receipts_off' };
}
