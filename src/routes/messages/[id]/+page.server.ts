import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { reportConversationFormSchema } from '$lib/schemas/messaging';
import { reportConversation, setBlocked, thread } from '$lib/server/messaging/service';
import { messagingFail, pageConversationId } from '$lib/server/messaging/pages';

/** A citizen's conversation with a shop (the shop's side lives under /merchant/messages). */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const user = requireUser(locals, url);
  const id = pageConversationId(params.id);
  const view = thread(db(), user.id, id);
  if (!view) error(404, 'Conversation introuvable');
  if (view.side === 'shop') redirect(303, `/merchant/messages/${id}`);
  return { thread: view };
};

function block(blocked: boolean) {
  return async ({ locals, url, params }: Parameters<Actions[string]>[0]) => {
    const user = requireUser(locals, url);
    const id = pageConversationId(params.id!);
    try {
      setBlocked(db(), user, id, blocked);
    } catch (err) {
      return messagingFail(err);
    }
    return { done: blocked ? 'blocked' : 'unblocked' };
  };
}

export const actions: Actions = {
  block: block(true),
  unblock: block(false),
  report: async ({ locals, url, params, request }) => {
    const user = requireUser(locals, url);
    const id = pageConversationId(params.id);
    let raw: FormData;
    try {
      raw = await request.formData();
    } catch {
      return fail(400, { errors: { form: 'invalid' } });
    }
    const parsed = reportConversationFormSchema.safeParse({ reason: raw.get('reason') ?? '', messageIds: raw.getAll('messageIds') });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
      return fail(400, { errors, values: { reason: String(raw.get('reason') ?? '') }, chosen: raw.getAll('messageIds').map(String) });
    }
    try {
      reportConversation(db(), user, id, parsed.data.reason, parsed.data.messageIds);
    } catch (err) {
      return messagingFail(err);
    }
    return { done: 'reported' };
  }
};
