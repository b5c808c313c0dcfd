import { mount } from 'svelte';
import MessagesLink from '$lib/components/messaging/MessagesLink.svelte';

/** Loaded by the top bar on signed-in devices only: puts the Messages link in its slot. */
export function mountMessagesLink(target: HTMLElement | null): void {
  if (target && !target.hasChildNodes()) mount(MessagesLink, { target });
}
