/**
 * The preferences export file: its format name, size limit and text (read back by prefs-schema.ts).
 * Apart from prefs.ts, which the feed's first load needs, so that it does not carry the export.
 */
import type { Prefs } from './prefs';

/** Import files larger than this are rejected before parsing (a full export is ~40 kB). */
export const MAX_IMPORT_CHARS = 1_000_000;

export const EXPORT_FORMAT = 'placette-preferences';

export interface PrefsExportFile {
  format: typeof EXPORT_FORMAT;
  v: 1;
  exported_at: string;
  prefs: Prefs;
}

/** The export file's text (pretty JSON, stable key order). */
export function exportPrefs(prefs: Prefs, now: Date = new Date()): string {
  const file: PrefsExportFile = {
    format: EXPORT_FORMAT,
    v: 1,
    exported_at: now.toISOString(),
    prefs: {
      v: 1,
      themes: { ...prefs.themes },
      saved: [...prefs.saved],
      followedShops: [...prefs.followedShops],
      locale: prefs.locale,
      onboarded: prefs.onboarded,
      lastVisit: prefs.lastVisit
    }
  };
  return JSON.stringify(file, null, 2) + '\n';
}
