import { jsonError } from '../http/json-error';
import { ImageRejected } from '../images';
import { MessagingError } from './service';

const MESSAGES: Record<string, string> = {
  not_found: 'No such conversation (or it is not yours).',
  forbidden: 'Only a citizen starts a conversation with a shop; a shop replies in the conversations its customers or their orders started.',
  blocked: 'This customer blocked the shop: it can no longer write in this conversation.',
  empty: 'The message is empty: write something or attach a photo.',
  too_many: 'Too many quick replies for this shop.'
};

/** Known refusals as JSON; anything else is rethrown (a real 500). */
export function messagingErrorResponse(error: unknown): Response {
  if (error instanceof MessagingError) return jsonError(error.status, error.code, MESSAGES[error.code] ?? error.code);
  if (error instanceof ImageRejected) return jsonError(400, 'photo_rejected', `The photo was refused: ${error.code}.`, { reason: error.code });
  throw error;
}

/** Route ids are positive integers; anything else is the same 404 as a stranger's conversation. */
export function conversationParam(raw: string): number | null {
  return /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null;
}
