import { asc, eq, max } from 'drizzle-orm';
import type { Db } from '../db';
import { themes } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { writeAudit } from './audit';
import { CurationError, type Actor } from './shops';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface ThemeRow {
  slug: string;
  labelFr: string;
  labelEn: string;
  position: number;
}

/** The theme list is part of every catalog snapshot, but not an item: a sentinel id makes a new version. */
export const THEMES_SENTINEL = 'themes';

function journalThemes(tx: Tx): void {
  recordCatalogChanges(tx, [THEMES_SENTINEL], 'delete');
}

export function listThemeRows(database: Pick<Db, 'select'>): ThemeRow[] {
  return database.select().from(themes).orderBy(asc(themes.position), asc(themes.slug)).all();
}

export function addTheme(database: Db, actor: Actor, input: { slug: string; labelFr: string; labelEn: string }): void {
  database.transaction((tx) => {
    if (tx.select({ slug: themes.slug }).from(themes).where(eq(themes.slug, input.slug)).get()) throw new CurationError('slug_taken');
    const last = tx.select({ p: max(themes.position) }).from(themes).get()?.p ?? 0;
    tx.insert(themes).values({ slug: input.slug, labelFr: input.labelFr, labelEn: input.labelEn, position: last + 1 }).run();
    journalThemes(tx);
    writeAudit(tx, { actorId: actor.id, action: 'theme.add', targetType: 'theme', targetId: input.slug, detail: `${input.labelFr} / ${input.labelEn}` });
  });
}

export function renameTheme(database: Db, actor: Actor, input: { slug: string; labelFr: string; labelEn: string }): void {
  database.transaction((tx) => {
    const done = tx.update(themes).set({ labelFr: input.labelFr, labelEn: input.labelEn }).where(eq(themes.slug, input.slug)).run();
    if (done.changes === 0) throw new CurationError('not_found');
    journalThemes(tx);
    writeAudit(tx, { actorId: actor.id, action: 'theme.rename', targetType: 'theme', targetId: input.slug, detail: `${input.labelFr} / ${input.labelEn}` });
  });
}

/** Moves a theme one place up or down; positions are renumbered 1…n so ties never stick. */
export function moveTheme(database: Db, actor: Actor, slug: string, direction: 'up' | 'down'): void {
  database.transaction((tx) => {
    const rows = listThemeRows(tx);
    const i = rows.findIndex((r) => r.slug === slug);
    if (i === -1) throw new CurationError('not_found');
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= rows.length) throw new CurationError('status_conflict');
    [rows[i], rows[j]] = [rows[j], rows[i]];
    rows.forEach((row, index) => {
      if (row.position !== index + 1) tx.update(themes).set({ position: index + 1 }).where(eq(themes.slug, row.slug)).run();
    });
    journalThemes(tx);
    writeAudit(tx, { actorId: actor.id, action: 'theme.move', targetType: 'theme', targetId: slug, detail: direction });
  });
}
