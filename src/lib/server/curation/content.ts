import { and, asc, desc, eq, gt, inArray, lt, lte, min, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { contentItems, contentItemThemes, themes } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { MarkdownError, renderMarkdown } from '../markdown/render';
import { catalogId } from '$lib/catalog/types';
import type { ImageDescriptor } from '$lib/images/limits';
import { imageDescriptorSchema } from '$lib/schemas/image';
import type { ContentFields, ContentKind, ContentState } from '$lib/schemas/content';
import { writeAudit } from './audit';

/**
 * The community manager's content items: events, heritage, culture, leisure, news.
 *
 * Visibility: an item is public when its status is 'published' and its publishedAt is not in
 * the future (a future publishedAt = scheduled). Every write journals the catalog and writes an
 * audit row in the same transaction. Scheduled items become public through `publishDueContent`,
 * which the catalog snapshot calls before it reads the version (see snapshot.ts).
 */

export class ContentError extends Error {
  constructor(
    readonly code: 'not_found' | 'starts_required' | 'ends_before_starts' | 'markdown_too_long' | 'markdown_too_complex' | 'schedule_past',
    readonly field: string = 'form'
  ) {
    super(code);
  }
}

export interface Actor {
  id: number;
}

export interface ContentInput extends ContentFields {
  status: 'draft' | 'published';
  /** ISO UTC; null = now. A future date with status 'published' schedules the item. */
  publishedAt: string | null;
  /** undefined keeps the current image; null removes it. */
  image?: ImageDescriptor | null;
}

export interface ContentRow extends ContentFields {
  id: number;
  status: 'draft' | 'published';
  publishedAt: string;
  updatedAt: string;
  image: ImageDescriptor | null;
  authorId: number | null;
}

export type { ContentState } from '$lib/schemas/content';

/** Whether the public catalog shows this row at `now`. */
export function isPublic(row: { status: string; publishedAt: string }, now: Date): boolean {
  return row.status === 'published' && row.publishedAt <= now.toISOString();
}

export function contentState(row: { status: string; publishedAt: string }, now: Date): ContentState {
  if (row.status !== 'published') return 'draft';
  return isPublic(row, now) ? 'published' : 'scheduled';
}

/** A stored descriptor, re-validated (a corrupt row must not become an arbitrary URL). */
export function storedImage(value: unknown): ImageDescriptor | null {
  if (value == null) return null;
  const parsed = imageDescriptorSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Checks what the schema cannot: event dates and renderable Markdown. */
function validate(input: ContentInput, now: Date): void {
  if (input.kind === 'event' && !input.startsAt) throw new ContentError('starts_required', 'startsAt');
  if (input.startsAt && input.endsAt && input.endsAt < input.startsAt) throw new ContentError('ends_before_starts', 'endsAt');
  try {
    renderMarkdown(input.body);
  } catch (err) {
    if (err instanceof MarkdownError) throw new ContentError(err.code === 'too_long' ? 'markdown_too_long' : 'markdown_too_complex', 'body');
    throw err;
  }
  void now;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function writeThemes(tx: Tx, id: number, slugs: string[]): void {
  tx.delete(contentItemThemes).where(eq(contentItemThemes.itemId, id)).run();
  const known = slugs.length ? tx.select({ slug: themes.slug }).from(themes).where(inArray(themes.slug, slugs)).all().map((t) => t.slug) : [];
  if (known.length) tx.insert(contentItemThemes).values(known.map((themeSlug) => ({ itemId: id, themeSlug }))).run();
}

function auditDetail(state: ContentState, featured: boolean): string {
  return featured ? `${state}, featured` : state;
}

function rowValues(input: ContentInput, now: Date) {
  const nowIso = now.toISOString();
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    body: input.body,
    place: input.place,
    address: input.address,
    lat: input.lat != null && input.lng != null ? input.lat : null,
    lng: input.lat != null && input.lng != null ? input.lng : null,
    startsAt: input.kind === 'event' ? input.startsAt : null,
    endsAt: input.kind === 'event' ? input.endsAt : null,
    priceLabel: input.priceLabel,
    featured: input.featured,
    status: input.status,
    publishedAt: input.publishedAt ?? nowIso,
    updatedAt: nowIso
  };
}

/** Creates an item; returns its id. */
export function createContent(database: Db, actor: Actor, input: ContentInput, now = new Date()): number {
  validate(input, now);
  nextPublication.delete(database);
  return database.transaction((tx) => {
    const values = rowValues(input, now);
    const id = tx
      .insert(contentItems)
      .values({ ...values, image: input.image ?? null, authorId: actor.id })
      .returning({ id: contentItems.id })
      .get().id;
    writeThemes(tx, id, input.themes);
    if (isPublic(values, now)) recordCatalogChanges(tx, [catalogId(input.kind, id)], 'upsert');
    writeAudit(tx, { actorId: actor.id, action: 'content.create', targetType: 'content', targetId: id, detail: auditDetail(contentState(values, now), input.featured) });
    return id;
  });
}

/**
 * Updates an item. Returns the image it replaced (for the caller to delete once committed), or
 * null. Throws ContentError('not_found').
 */
export function updateContent(database: Db, actor: Actor, id: number, input: ContentInput, now = new Date()): ImageDescriptor | null {
  validate(input, now);
  nextPublication.delete(database);
  return database.transaction((tx) => {
    const before = tx.select().from(contentItems).where(eq(contentItems.id, id)).get();
    if (!before) throw new ContentError('not_found');
    const values = rowValues(input, now);
    const image = input.image === undefined ? before.image : input.image;
    tx.update(contentItems)
      .set({ ...values, image: image ?? null })
      .where(eq(contentItems.id, id))
      .run();
    writeThemes(tx, id, input.themes);
    const wasPublic = isPublic(before, now);
    const nowPublic = isPublic(values, now);
    const oldId = catalogId(before.kind, id);
    const newId = catalogId(input.kind, id);
    // A change of kind changes the public id: the old one is a tombstone.
    if (wasPublic && (!nowPublic || oldId !== newId)) recordCatalogChanges(tx, [oldId], 'delete');
    if (nowPublic) recordCatalogChanges(tx, [newId], 'upsert');
    writeAudit(tx, { actorId: actor.id, action: 'content.update', targetType: 'content', targetId: id, detail: auditDetail(contentState(values, now), input.featured) });
    const replaced = storedImage(before.image);
    return replaced && replaced.id !== storedImage(image)?.id ? replaced : null;
  });
}

/** Deletes an item; returns its image (for the caller to delete once committed), or null. */
export function deleteContent(database: Db, actor: Actor, id: number, now = new Date()): ImageDescriptor | null {
  nextPublication.delete(database);
  return database.transaction((tx) => {
    const before = tx.select().from(contentItems).where(eq(contentItems.id, id)).get();
    if (!before) throw new ContentError('not_found');
    tx.delete(contentItems).where(eq(contentItems.id, id)).run();
    if (isPublic(before, now)) recordCatalogChanges(tx, [catalogId(before.kind, id)], 'delete');
    writeAudit(tx, { actorId: actor.id, action: 'content.delete', targetType: 'content', targetId: id, detail: before.title.slice(0, 140) });
    return storedImage(before.image);
  });
}

/** Items saved before their publication time and not yet journaled (see publishDueContent). */
const pending = and(eq(contentItems.status, 'published'), lt(contentItems.updatedAt, contentItems.publishedAt));

/**
 * Per database, the earliest publication time still to come (null: none). Forgotten by every
 * content write of this process, which is the only writer of content (one server process per
 * instance); so between writes the catalog request reads it instead of the table.
 */
const nextPublication = new WeakMap<Db, string | null>();

/**
 * Journals the scheduled items that became due, so the catalog version changes when they go
 * public. An item saved before its publication time has updatedAt < publishedAt; once journaled,
 * its updatedAt is set to its publishedAt (the moment it appeared), which makes this idempotent:
 * a second call finds nothing. An item saved after it became public was journaled by that save
 * (updatedAt ≥ publishedAt) and is left alone. Before the next publication time it touches
 * nothing, not even the table.
 */
export function publishDueContent(database: Db, now = new Date()): string[] {
  const nowIso = now.toISOString();
  const next = nextPublication.get(database);
  if (next === null || (next !== undefined && nowIso < next)) return [];
  const columns = { id: contentItems.id, kind: contentItems.kind, publishedAt: contentItems.publishedAt };
  const dueNow = and(pending, lte(contentItems.publishedAt, nowIso));
  let ids: string[] = [];
  if (database.select(columns).from(contentItems).where(dueNow).all().length > 0) {
    ids = database.transaction((tx) => {
      // Re-read inside the transaction: another request may have journaled them meanwhile.
      const rows = tx.select(columns).from(contentItems).where(dueNow).all();
      for (const r of rows) tx.update(contentItems).set({ updatedAt: r.publishedAt }).where(eq(contentItems.id, r.id)).run();
      const journaled = rows.map((r) => catalogId(r.kind, r.id));
      if (journaled.length) recordCatalogChanges(tx, journaled, 'upsert');
      return journaled;
    });
  }
  nextPublication.set(database, database.select({ at: min(contentItems.publishedAt) }).from(contentItems).where(pending).get()?.at ?? null);
  return ids;
}

function toRow(row: typeof contentItems.$inferSelect, slugs: string[]): ContentRow {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    place: row.place,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    priceLabel: row.priceLabel,
    themes: slugs,
    featured: row.featured,
    status: row.status,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    image: storedImage(row.image),
    authorId: row.authorId
  };
}

export function findContent(database: Pick<Db, 'select'>, id: number): ContentRow | null {
  const row = database.select().from(contentItems).where(eq(contentItems.id, id)).get();
  if (!row) return null;
  const slugs = database
    .select({ slug: contentItemThemes.themeSlug })
    .from(contentItemThemes)
    .where(eq(contentItemThemes.itemId, id))
    .orderBy(asc(contentItemThemes.themeSlug))
    .all()
    .map((t) => t.slug);
  return toRow(row, slugs);
}

export interface ContentListEntry {
  id: number;
  kind: ContentKind;
  title: string;
  state: ContentState;
  featured: boolean;
  publishedAt: string;
  updatedAt: string;
}

/** The curator's list, latest first, with optional filters. */
export function listContent(
  database: Pick<Db, 'select'>,
  filters: { kind?: ContentKind; status?: ContentState; q?: string } = {},
  now = new Date(),
  limit = 200
): ContentListEntry[] {
  const nowIso = now.toISOString();
  const where: SQL[] = [];
  if (filters.kind) where.push(eq(contentItems.kind, filters.kind));
  if (filters.status === 'draft') where.push(eq(contentItems.status, 'draft'));
  if (filters.status === 'published') where.push(and(eq(contentItems.status, 'published'), lte(contentItems.publishedAt, nowIso))!);
  if (filters.status === 'scheduled') where.push(and(eq(contentItems.status, 'published'), gt(contentItems.publishedAt, nowIso))!);
  if (filters.q) where.push(sql`${contentItems.title} LIKE ${`%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`);
  const whereSql = where.length ? and(...where) : undefined;
  return database
    .select({
      id: contentItems.id,
      kind: contentItems.kind,
      title: contentItems.title,
      status: contentItems.status,
      featured: contentItems.featured,
      publishedAt: contentItems.publishedAt,
      updatedAt: contentItems.updatedAt
    })
    .from(contentItems)
    .where(whereSql)
    .orderBy(desc(contentItems.updatedAt), desc(contentItems.id))
    .limit(limit)
    .all()
    .map(({ status, ...r }) => ({ ...r, state: contentState({ status, publishedAt: r.publishedAt }, now) }));
}
