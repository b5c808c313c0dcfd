import { and, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, messages } from '../db/schema';
import { deleteImage } from '../images';

/**
 * Retention of messages (see PRIVACY.md, Messaging): a conversation is deleted with all its
 * messages and photos a set time after its last activity (default 365 days); photos go sooner
 * (default 30 days after they were sent), the message stays with "photo expired".
 */
export interface RetentionConfig {
  messageDays: number;
  photoDays: number;
}

function days(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function retentionConfig(env: Record<string, string | undefined> = process.env): RetentionConfig {
  return { messageDays: days(env.PLACETTE_MESSAGE_RETENTION_DAYS, 365), photoDays: days(env.PLACETTE_DELIVERY_PHOTO_DAYS, 30) };
}

const DAY_MS = 86_400_000;

export interface PurgeResult {
  conversations: number;
  photos: number;
}

/** One pass of the retention rules at `now` (explicit, so tests choose the clock). */
export async function purgeExpiredMessages(database: Db, now: Date, config: RetentionConfig = retentionConfig()): Promise<PurgeResult> {
  const conversationCutoff = new Date(now.getTime() - config.messageDays * DAY_MS).toISOString();
  const photoCutoff = new Date(now.getTime() - config.photoDays * DAY_MS).toISOString();
  const { photoIds, conversationCount } = database.transaction((tx) => {
    const doomed = tx.select({ id: conversations.id }).from(conversations).where(lt(conversations.lastActivityAt, conversationCutoff)).all().map((r) => r.id);
    const ids: string[] = [];
    if (doomed.length > 0) {
      for (const row of tx.select({ photo: messages.photo }).from(messages).where(and(inArray(messages.conversationId, doomed), isNotNull(messages.photo))).all()) {
        ids.push(row.photo!.id);
      }
      tx.delete(conversations).where(inArray(conversations.id, doomed)).run();
    }
    const oldPhotos = tx.select({ id: messages.id, photo: messages.photo }).from(messages).where(and(isNotNull(messages.photo), lt(messages.createdAt, photoCutoff))).all();
    if (oldPhotos.length > 0) {
      for (const row of oldPhotos) ids.push(row.photo!.id);
      tx.update(messages).set({ photo: null, photoExpired: true }).where(inArray(messages.id, oldPhotos.map((r) => r.id))).run();
    }
    return { photoIds: ids, conversationCount: doomed.length };
  });
  // Files after the commit: a crash in between leaves unreferenced files, never a dangling reference.
  for (const id of photoIds) await deleteImage(id);
  return { conversations: conversationCount, photos: photoIds.length };
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Runs the purge now and then daily; the timer never keeps the process alive. */
export function startMessageRetention(database: Db, config: RetentionConfig = retentionConfig()): void {
  if (timer) return;
  const run = () =>
    purgeExpiredMessages(database, new Date(), config).catch((error) => console.error('[placette] message retention failed', error instanceof Error ? error.message : error));
  void run();
  timer = setInterval(run, DAY_MS);
  timer.unref?.();
}
