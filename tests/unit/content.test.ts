/**
 * The curator's content service against a fresh migrated SQLite with the demo seed: every write
 * journals the catalog and writes an audit row in one transaction; Markdown is checked on save
 * and shipped as sanitised HTML; scheduled items stay out of the catalog until due, then appear
 * as a new version.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '$lib/server/db';
import { auditLog, catalogLog, contentItems, users } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/db/seed';
import { currentCatalogVersion } from '$lib/server/catalog/log';
import { catalogDelta, catalogSnapshot } from '$lib/server/catalog/snapshot';
import {
  ContentError,
  createContent,
  deleteContent,
  findContent,
  listContent,
  publishDueContent,
  updateContent,
  type ContentInput
} from '$lib/server/curation/content';
import { MARKDOWN_MAX_LENGTH } from '$lib/server/markdown/render';
import { contentFormSchema, isoToParisWall, parisWallToIso } from '$lib/schemas/content';
import { writeSetting } from '$lib/server/settings';
import type { EventItem } from '$lib/catalog/types';

const seedNow = new Date('2026-11-25T10:00:00+01:00');
const now = new Date('2026-11-25T12:00:00+01:00');
const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * HOUR);

function input(over: Partial<ContentInput> = {}): ContentInput {
  return {
    kind: 'event',
    title: 'Récital au Capitole',
    summary: 'Airs de Verdi.',
    body: 'Un **récital** exceptionnel.\n\n- Verdi\n- Puccini',
    place: 'Théâtre du Capitole',
    address: 'Place du Capitole',
    lat: null,
    lng: null,
    startsAt: at(48).toISOString(),
    endsAt: at(50).toISOString(),
    priceLabel: '20 €',
    themes: ['opera'],
    featured: false,
    status: 'published',
    publishedAt: null,
    ...over
  };
}

describe('content service', () => {
  let database: Db;
  let curator: { id: number };

  const journal = (itemId: string) => database.select().from(catalogLog).where(eq(catalogLog.itemId, itemId)).all().map((r) => r.op);
  const audits = () => database.select().from(auditLog).all();
  const snapshotIds = (when: Date) => new Set(catalogSnapshot(database, when).snapshot.items.map((i) => i.id));

  beforeEach(() => {
    database = openDatabase(':memory:');
    seedDemo(database, seedNow);
    writeSetting(database, 'platform_open', true);
    curator = database.insert(users).values({ email: 'c@example.test', passwordHash: 'x', role: 'curator', displayName: 'Cur' }).returning({ id: users.id }).get();
  });

  it('publishing journals an upsert and writes an audit row, with the author and themes stored', () => {
    const id = createContent(database, curator, input({ featured: true }), now);
    expect(journal(`event-${id}`)).toEqual(['upsert']);
    const row = findContent(database, id)!;
    expect(row).toMatchObject({ authorId: curator.id, status: 'published', featured: true, themes: ['opera'] });
    expect(audits().at(-1)).toMatchObject({ actorId: curator.id, action: 'content.create', targetType: 'content', targetId: String(id), detail: 'published, featured' });
    const item = catalogSnapshot(database, now).index.byId.get(`event-${id}`) as EventItem;
    expect(item.body_html).toContain('<strong>récital</strong>');
    expect(item).not.toHaveProperty('body');
    expect(item.featured).toBe(true);
  });

  it('a draft is not journaled; publishing it later is; unpublishing and deleting leave tombstones', () => {
    const id = createContent(database, curator, input({ status: 'draft' }), now);
    expect(journal(`event-${id}`)).toEqual([]);
    expect(snapshotIds(now).has(`event-${id}`)).toBe(false);

    updateContent(database, curator, id, input(), now);
    expect(journal(`event-${id}`)).toEqual(['upsert']);
    updateContent(database, curator, id, input({ status: 'draft' }), now);
    expect(journal(`event-${id}`)).toEqual(['upsert', 'delete']);
    updateContent(database, curator, id, input(), now);
    deleteContent(database, curator, id, now);
    expect(journal(`event-${id}`)).toEqual(['upsert', 'delete', 'upsert', 'delete']);
    expect(findContent(database, id)).toBeNull();
    expect(audits().slice(-5).map((a) => a.action)).toEqual(['content.create', 'content.update', 'content.update', 'content.update', 'content.delete']);
  });

  it('changing the kind of a public item tombstones the old catalog id', () => {
    const id = createContent(database, curator, input(), now);
    updateContent(database, curator, id, input({ kind: 'news', startsAt: null, endsAt: null }), now);
    expect(journal(`event-${id}`)).toEqual(['upsert', 'delete']);
    expect(journal(`news-${id}`)).toEqual(['upsert']);
    expect(findContent(database, id)!.startsAt).toBeNull();
  });

  it('refuses an event without a start, an end before its start and Markdown over the limit, writing nothing', () => {
    const before = { log: currentCatalogVersion(database), audit: audits().length, rows: database.select().from(contentItems).all().length };
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err instanceof ContentError ? `${err.field}:${err.code}` : String(err);
      }
      return 'no error';
    };
    expect(code(() => createContent(database, curator, input({ startsAt: null }), now))).toBe('startsAt:starts_required');
    expect(code(() => createContent(database, curator, input({ endsAt: at(47).toISOString() }), now))).toBe('endsAt:ends_before_starts');
    expect(code(() => createContent(database, curator, input({ body: 'a'.repeat(MARKDOWN_MAX_LENGTH + 1) }), now))).toBe('body:markdown_too_long');
    expect(code(() => updateContent(database, curator, 999_999, input(), now))).toBe('form:not_found');
    expect(code(() => deleteContent(database, curator, 999_999, now))).toBe('form:not_found');
    expect(currentCatalogVersion(database)).toBe(before.log);
    expect(audits().length).toBe(before.audit);
    expect(database.select().from(contentItems).all().length).toBe(before.rows);
  });

  it('a scheduled item is out of the catalog until due, then appears as a new version (once)', () => {
    const publishAt = at(2).toISOString();
    const id = createContent(database, curator, input({ publishedAt: publishAt }), now);
    expect(journal(`event-${id}`)).toEqual([]);
    expect(audits().at(-1)!.detail).toBe('scheduled');
    expect(listContent(database, { status: 'scheduled' }, now).map((e) => e.id)).toEqual([id]);

    const v0 = catalogSnapshot(database, now).snapshot.version;
    expect(snapshotIds(now).has(`event-${id}`)).toBe(false);
    expect(snapshotIds(at(1)).has(`event-${id}`)).toBe(false);
    expect(catalogSnapshot(database, at(1)).snapshot.version).toBe(v0);

    const due = catalogSnapshot(database, at(3));
    expect(due.snapshot.version).toBeGreaterThan(v0);
    expect(due.index.byId.has(`event-${id}`)).toBe(true);
    expect(catalogDelta(database, v0, at(3)).upserts.map((i) => i.id)).toEqual([`event-${id}`]);
    // Idempotent: asking again journals nothing more.
    expect(publishDueContent(database, at(4))).toEqual([]);
    expect(catalogSnapshot(database, at(4)).snapshot.version).toBe(due.snapshot.version);
    expect(journal(`event-${id}`)).toEqual(['upsert']);
    expect(listContent(database, { status: 'published' }, at(4)).map((e) => e.id)).toContain(id);
  });

  it('an item scheduled or moved earlier after the catalog was read still appears on time', () => {
    // The catalog has been read (so the next publication time is known) before each change.
    catalogSnapshot(database, now);
    const id = createContent(database, curator, input({ publishedAt: at(10).toISOString() }), now);
    expect(publishDueContent(database, at(1))).toEqual([]);
    updateContent(database, curator, id, input({ publishedAt: at(2).toISOString() }), now);
    expect(publishDueContent(database, at(1))).toEqual([]);
    expect(snapshotIds(at(3)).has(`event-${id}`)).toBe(true);
    expect(journal(`event-${id}`)).toEqual(['upsert']);
  });

  it('an item published now is journaled by its save, not again by the due check', () => {
    const id = createContent(database, curator, input(), now);
    expect(publishDueContent(database, at(1))).toEqual([]);
    expect(journal(`event-${id}`)).toEqual(['upsert']);
  });

  it('rescheduling a public item into the future removes it until due', () => {
    const id = createContent(database, curator, input(), now);
    updateContent(database, curator, id, input({ publishedAt: at(5).toISOString() }), now);
    expect(journal(`event-${id}`)).toEqual(['upsert', 'delete']);
    expect(publishDueContent(database, at(6))).toEqual([`event-${id}`]);
  });

  it('ships raw HTML and scripts typed in the body as text, never as markup', () => {
    const id = createContent(database, curator, input({ body: 'Bonjour <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))' }), now);
    const item = catalogSnapshot(database, now).index.byId.get(`event-${id}`) as EventItem;
    expect(item.body_html).not.toMatch(/<script|<img|href="javascript/i);
    expect(item.body_html).toContain('&lt;script&gt;');
  });

  it('lists with filters by kind, state and title (LIKE wildcards are literal)', () => {
    const a = createContent(database, curator, input({ title: 'Concert 100% Verdi' }), now);
    createContent(database, curator, input({ kind: 'news', title: 'Nouvelle', startsAt: null, endsAt: null, status: 'draft' }), now);
    expect(listContent(database, { q: '100%' }, now).map((e) => e.id)).toEqual([a]);
    expect(listContent(database, { q: '1_0' }, now)).toEqual([]);
    expect(listContent(database, { kind: 'news', status: 'draft' }, now).map((e) => e.title)).toContain('Nouvelle');
    expect(listContent(database, { kind: 'news', status: 'draft' }, now).every((e) => e.kind === 'news' && e.state === 'draft')).toBe(true);
  });
});

describe('content form', () => {
  it('reads Paris wall-clock times as UTC and back (winter and summer)', () => {
    expect(parisWallToIso('2026-12-05T20:00')).toBe('2026-12-05T19:00:00.000Z');
    expect(parisWallToIso('2026-07-14T22:30')).toBe('2026-07-14T20:30:00.000Z');
    expect(parisWallToIso('2026-02-30T10:00')).toBeNull();
    expect(isoToParisWall('2026-07-14T20:30:00.000Z')).toBe('2026-07-14T22:30');
  });

  it('parses a submitted form, with empty optional fields as null', () => {
    const parsed = contentFormSchema.safeParse({ kind: 'news', title: ' Titre ', body: 'a\r\nb', lat: '', startsAt: '', intent: 'publish', featured: 'on' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ title: 'Titre', body: 'a\nb', lat: null, startsAt: null, intent: 'publish', featured: true, place: null });
    expect(contentFormSchema.safeParse({ kind: 'x', title: '' }).success).toBe(false);
  });
});
