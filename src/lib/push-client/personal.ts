/**
 * The browser side of « Notifications de mes commandes et messages » (Mon compte): this signed-in
 * device's push subscription is given to the server for this account and this session only.
 * Signing out ends the session, and the server deletes the subscription with it.
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

const API = '/api/account/push-subscriptions';

/**
 * `serverEndpoint`: the endpoint the server holds for this session (from the page's data). On
 * when the browser's subscription is that one.
 */
export async function personalPushState(serverEndpoint: string | null): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const subscription = await currentSubscription();
  if (subscription && serverEndpoint !== null && subscription.endpoint === serverEndpoint) {
    await mirrorForWorker(subscription);
    return 'on';
  }
  // The server no longer has it (signed out, session ended elsewhere): this device stops counting on it.
  if (pushUses(subscription).has('personal')) await releaseUse(subscription, 'personal');
  return 'off';
}

export async function enablePersonalPush(): Promise<{ state: PushState; endpoint: string | null }> {
  const reg = await pushRegistration();
  if (!reg) return { state: 'unsupported', endpoint: null };
  const permission = await askPermission();
  if (permission !== 'granted') return { state: permission, endpoint: null };
  const subscription = await ensureSubscription(reg);
  const response = await fetch(API, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(subscription.toJSON()) });
  if (!response.ok) {
    await releaseUse(subscription, 'personal');
    throw new Error(`subscription refused (${response.status})`);
  }
  await addUse(subscription, 'personal');
  return { state: 'on', endpoint: subscription.endpoint };
}

export async function disablePersonalPush(): Promise<PushState> {
  const subscription = await currentSubscription();
  if (subscription) {
    const response = await fetch(API, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: subscription.endpoint }) });
    if (!response.ok) throw new Error(`unsubscribe refused (${response.status})`);
  }
  await releaseUse(subscription, 'personal');
  return 'off';
}
