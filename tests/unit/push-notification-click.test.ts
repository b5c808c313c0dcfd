import { describe, expect, it } from 'vitest';
import { openFromNotification } from '../../src/lib/service-worker/push';

/**
 * What a tap on a notification does, in the service worker: the page it names, in a window of
 * the app that is already there if any. The worker's window clients are plain records here.
 */
interface FakeWindow {
  url: string;
  focused: boolean;
  controlled: boolean;
  navigatedTo: string | null;
}

function worker(windows: FakeWindow[]) {
  const opened: string[] = [];
  const clients = windows.map((w) => ({
    get url() {
      return w.url;
    },
    focus: async () => ((w.focused = true), undefined),
    navigate: async (href: string) => {
      if (!w.controlled) throw new TypeError('This service worker is not the client’s active service worker.');
      w.navigatedTo = href;
      w.url = href;
      return {};
    }
  }));
  const sw = {
    location: { origin: 'https://placette.example' },
    clients: { matchAll: async () => clients, openWindow: async (href: string) => (opened.push(href), null) }
  } as unknown as ServiceWorkerGlobalScope;
  return { sw, opened };
}

const notification = (url: string) => {
  const n = { closed: false, data: { url }, close: () => (n.closed = true) };
  return n;
};
const win = (url: string, controlled = true): FakeWindow => ({ url, focused: false, controlled, navigatedTo: null });

describe('a tap on a notification', () => {
  it('focuses a window already on that page, without reloading it', async () => {
    const feed = win('https://placette.example/');
    const order = win('https://placette.example/orders/abc');
    const { sw, opened } = worker([feed, order]);
    const n = notification('/orders/abc');
    await openFromNotification(sw, n as unknown as Notification);
    expect(n.closed).toBe(true);
    expect(order).toMatchObject({ focused: true, navigatedTo: null });
    expect(feed.focused).toBe(false);
    expect(opened).toEqual([]);
  });

  it('else brings an open window of the app to the page (the conversation)', async () => {
    const feed = win('https://placette.example/');
    const { sw, opened } = worker([feed]);
    await openFromNotification(sw, notification('/messages/7') as unknown as Notification);
    expect(feed).toMatchObject({ focused: true, navigatedTo: 'https://placette.example/messages/7' });
    expect(opened).toEqual([]);
  });

  it('else opens one (also when the open window cannot be navigated by the worker)', async () => {
    const none = worker([]);
    await openFromNotification(none.sw, notification('/merchant/messages/7') as unknown as Notification);
    expect(none.opened).toEqual(['https://placette.example/merchant/messages/7']);

    const uncontrolled = worker([win('https://placette.example/', false)]);
    await openFromNotification(uncontrolled.sw, notification('/orders/abc') as unknown as Notification);
    expect(uncontrolled.opened).toEqual(['https://placette.example/orders/abc']);
  });

  it('never leaves the app for another site', async () => {
    const feed = win('https://placette.example/');
    const { sw, opened } = worker([feed]);
    await openFromNotification(sw, notification('https://evil.example/phish') as unknown as Notification);
    await openFromNotification(sw, notification('//evil.example/phish') as unknown as Notification);
    expect(opened).toEqual([]);
    expect(feed).toMatchObject({ focused: false, navigatedTo: null });
  });
});
