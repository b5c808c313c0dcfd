#!/usr/bin/env node
// Takes the store screenshots of the web app manifest from the REAL built app (`npm run build`
// first) in Debian's Chromium, writes them to static/screenshots/ (committed) and updates the
// `screenshots` of static/manifest.webmanifest.
//
//   npm run screenshots                                   # starts the built app on a temp DB
//   npm run screenshots -- --url http://127.0.0.1:3000    # or uses a running one
//
// Shots are taken at device scale 1 so that each PNG has exactly the size the manifest declares,
// in the light scheme, with a device that follows a few themes and visited two days ago (so the
// feed shows its « Nouveau » badges).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { appAt, CHROME_PATH, CHROMIUM_FLAGS } from './lib/built-app.mjs';

const MANIFEST = 'static/manifest.webmanifest';
const OUT = 'static/screenshots';
const URL_BASE = '/screenshots';
const DAY = 86_400_000;

const { values: args } = parseArgs({ options: { url: { type: 'string' }, port: { type: 'string' } } });

/** What to shoot. `path` may be a function of the catalog. */
const SHOTS = [
  {
    file: 'feed-narrow.png',
    path: '/',
    viewport: { width: 390, height: 844 },
    form_factor: 'narrow',
    label: 'Le fil «\u00a0Pour vous\u00a0»\u00a0: sorties, patrimoine et boutiques classés sur votre téléphone'
  },
  {
    file: 'event-narrow.png',
    path: (catalog) => `/items/${upcomingEvent(catalog).id}`,
    viewport: { width: 390, height: 844 },
    form_factor: 'narrow',
    label: 'La fiche d’un événement\u00a0: dates, lieu, tarif, à garder dans vos favoris'
  },
  {
    file: 'feed-wide.png',
    path: '/',
    viewport: { width: 1280, height: 800 },
    form_factor: 'wide',
    label: 'Toutoulouse sur grand écran\u00a0: le guide du centre-ville, même hors ligne'
  }
];

function upcomingEvent(catalog) {
  const now = Date.now();
  const events = catalog.items
    .filter((i) => i.kind === 'event' && Date.parse(i.ends_at ?? i.starts_at) > now)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  if (!events.length) throw new Error('the catalog has no upcoming event');
  return events.find((e) => e.featured) ?? events[0];
}

const prefs = {
  v: 1,
  themes: { patrimoine: 'high', opera: 'high', marches: 'low', librairies: 'low' },
  saved: [],
  followedShops: [],
  locale: 'fr',
  onboarded: true,
  lastVisit: new Date(Date.now() - 2 * DAY).toISOString()
};

async function main() {
  const app = await appAt(args.url, { port: Number(args.port) || undefined });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS });
  const shots = [];
  try {
    const catalog = await (await fetch(`${app.origin}/api/catalog`)).json();
    mkdirSync(OUT, { recursive: true });
    for (const old of readdirSync(OUT)) if (old.endsWith('.png')) rmSync(join(OUT, old));
    for (const shot of SHOTS) {
      const context = await browser.newContext({
        viewport: shot.viewport,
        deviceScaleFactor: 1,
        colorScheme: 'light',
        reducedMotion: 'reduce',
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris'
      });
      await context.addInitScript((value) => localStorage.setItem('placette.prefs', value), JSON.stringify(prefs));
      const page = await context.newPage();
      const path = typeof shot.path === 'function' ? shot.path(catalog) : shot.path;
      await page.goto(app.origin + path, { waitUntil: 'networkidle' });
      // The feed renders from the device's catalog copy; item pages are server-rendered.
      if (path === '/') await page.locator('ul.feed article').first().waitFor();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      const raw = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      await context.close();
      // Lossless is ~4× larger for no visible gain on flat UI colours: a 256-colour palette.
      const image = sharp(raw).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 });
      const { width, height } = await image.toFile(join(OUT, shot.file));
      shots.push({ src: `${URL_BASE}/${shot.file}`, sizes: `${width}x${height}`, type: 'image/png', form_factor: shot.form_factor, label: shot.label });
      console.log(`screenshots: ${shot.file} ${width}×${height} (${path})`);
    }
  } finally {
    await browser.close();
    app.stop();
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  manifest.screenshots = shots;
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`screenshots: ${MANIFEST} updated`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
