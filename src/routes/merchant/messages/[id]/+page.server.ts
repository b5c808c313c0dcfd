import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { setStatus, thread } from '$lib/server/messaging/service';
import { messagingFail, pageConversationId } from '$lib/server/messaging/pages';

/** One conversation of the shop's inbox, for any member of that shop. */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const user = requireUser(locals, url);
  const id = pageConversationId(params.id);
  const view = thread(db(), user.id, id);
  if (!view) error(404, 'Conversation introuvable');
  if (view.side === 'citizen') redirect(303, `/messages/${id}`);
  return { thread: view };
};

function status(to: 'open' | 'resolved') {
  return async ({ locals, url, params }: Parameters<Actions[string]>[0]) => {
    const user = requireUser(locals, url);
    const id = pageConversationId(params.id!);
    try {
      setStatus(db(), user, id, to);
    } catch (err) {
      return messagingFail(err);
    }
    return { done: to };
  };
}

export const actions: Actions = {
  resolve: status('resolved'),
  reopen: status('open')
};
