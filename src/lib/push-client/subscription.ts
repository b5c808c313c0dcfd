/**
 * The browser side of the daily digest opt-in. The server receives the push subscription (an
 * endpoint and two keys) and nothing else; themes stay on the device. The subscription may also
 * carry the account's personal notifications (see device.ts).
 */
import {
  addUse,
  askPermission,
  currentSubscription,
  ensureSubscription,
  mirrorForWorker,
  pushRegistration,
  pushSupported,
  pushUses,
  releaseUse,
  type PushState
} from './device';

export type { PushState } from './device';

export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const subscription = await currentSubscription();
  // Brings the service worker's copy up to date (a device set up before it existed).
  await mirrorForWorker(subscription);
  return subscription && pushUses(subscription).has('digest') ? 'on' : 'off';
}

export async function enablePush(): Promise<PushState> {
  const reg = await pushRegistration();
  if (!reg) return 'unsupported';
  const permission = await askPermission();
  if (permission !== 'granted') return permission;
  const subscription = await ensureSubscription(reg);
  const response = await fetch('/api/push/subscriptions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(subscription.toJSON())
  });
  if (!response.ok) {
    await releaseUse(subscription, 'digest');
    throw new Error(`subscription refused (${response.status})`);
  }
  await addUse(subscription, 'digest');
  return 'on';
}

export async function disablePush(): Promise<PushState> {
  const subscription = await currentSubscription();
  if (subscription) {
    await fetch('/api/push/subscriptions', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: subscription.endpoint })
    });
  }
  await releaseUse(subscription, 'digest');
  return 'off';
}
