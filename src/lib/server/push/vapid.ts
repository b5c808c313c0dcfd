import webpush from 'web-push';
import type { Db } from '../db';
import { readSetting, writeSetting } from '../settings';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const SETTING = 'vapid';

/**
 * The instance's VAPID key pair, generated once (on first start) and kept in the settings table:
 * push services use it to check that digests come from this server.
 */
export function vapidKeys(database: Db): VapidKeys {
  const stored = readSetting<VapidKeys>(database, SETTING);
  if (stored) return stored;
  const generated = webpush.generateVAPIDKeys();
  writeSetting(database, SETTING, generated);
  return generated;
}

/** Who push services contact about abuse (RFC 8292 `sub`): set PLACETTE_CONTACT to a mailto: or https URL. */
export function vapidSubject(): string {
  return process.env.PLACETTE_CONTACT || 'mailto:contact@placette.invalid';
}
