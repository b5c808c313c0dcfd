import * as m from '$lib/paraglide/messages';
import type { ContentState } from '$lib/schemas/content';

export function stateLabel(state: ContentState): string {
  return state === 'draft' ? m.curator_state_draft() : state === 'scheduled' ? m.curator_state_scheduled() : m.curator_state_published();
}
