#!/usr/bin/env node
// Generates the app icons from ONE drawing, static/favicon.svg (the logo the top bar shows too),
// with sharp, and writes them to static/icons/ (committed: no build-time or runtime generation).
// Then updates the `icons` of static/manifest.webmanifest and of its shortcuts.
//
//   npm run icons
//
// - "any" icons: the logo as drawn (rounded brick-rose square), in every size platforms ask for;
// - "maskable" icons: full-bleed background, the house kept inside the central safe zone (a
//   circle of 40 % of the size: https://w3c.github.io/manifest/#icon-masks) so that any mask
//   shape (circle, squircle, teardrop) crops only background;
// - apple-touch-icon (180): full-bleed too, since iOS rounds the corners itself and would show
//   transparent corners as black;
// - shortcut icons (96): one pictogram of the app's icon set (src/lib/components/ui/Icon.svelte)
//   per shortcut, on the brand's soft tint.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const SOURCE = 'static/favicon.svg';
const ICON_SET = 'src/lib/components/ui/Icon.svelte';
const MANIFEST = 'static/manifest.webmanifest';
const OUT = 'static/icons';
const URL_BASE = '/icons';

const ANY_SIZES = [48, 72, 96, 128, 144, 152, 192, 256, 384, 512];
const MASKABLE_SIZES = [192, 512];
const APPLE_SIZE = 180;
const SHORTCUT_SIZE = 96;
/** Which pictogram each shortcut (by URL) shows. */
const SHORTCUT_GLYPHS = { '/': 'home', '/map': 'pin', '/favorites': 'heart' };
/** Brand tokens (src/app.css). */
const BRAND_SOFT = '#f7dfe0';
const BRAND_STRONG = '#8f2c3a';

// --- The source drawing: a 64×64 rounded square (the background) and the house on top. ---
const source = readFileSync(SOURCE, 'utf8');
const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(source);
const background = /<rect\b[^>]*\/>/.exec(source);
if (!viewBox || viewBox[1] !== viewBox[2] || !background) {
  throw new Error(`${SOURCE}: expected a square viewBox and a <rect/> background first`);
}
const side = Number(viewBox[1]);
const fill = /fill="([^"]+)"/.exec(background[0])?.[1];
if (!fill) throw new Error(`${SOURCE}: the background <rect/> needs a fill`);
const body = source.slice(source.indexOf('>') + 1, source.lastIndexOf('</svg>'));
const glyph = body.replace(background[0], '').trim();

const svg = (size, content, viewSide = side) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${viewSide} ${viewSide}">${content}</svg>`;

/** The logo as drawn. */
const anySvg = (size) => svg(size, body);

/**
 * Full-bleed background; the house scaled by `scale` about the centre. At scale 1 the house's
 * farthest corner is 22.6 units from the centre of 64: inside the 25.6-unit safe circle.
 */
function fullBleedSvg(size, scale) {
  const c = side / 2;
  return svg(
    size,
    `<rect width="${side}" height="${side}" fill="${fill}"/>` +
      `<g transform="translate(${c} ${c}) scale(${scale}) translate(${-c} ${-c})">${glyph}</g>`
  );
}

/** The stroked 24×24 pictograms of the app, read from the icon component. */
function pictogram(name) {
  const component = readFileSync(ICON_SET, 'utf8');
  const match = new RegExp(`\\b${name}: '([^']+)'`).exec(component);
  if (!match) throw new Error(`${ICON_SET}: no pictogram named ${name}`);
  return match[1];
}

function shortcutSvg(size, glyphName) {
  // 24-unit pictogram centred in a 48-unit square: half the icon, inside any mask.
  return svg(
    size,
    `<rect width="48" height="48" fill="${BRAND_SOFT}"/>` +
      `<path transform="translate(12 12)" d="${pictogram(glyphName)}" fill="none" stroke="${BRAND_STRONG}" ` +
      `stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`,
    48
  );
}

async function png(svgText, file) {
  // Rendered at its final size (width/height in the SVG), not scaled from a bitmap.
  await sharp(Buffer.from(svgText)).png({ compressionLevel: 9, adaptiveFiltering: true }).toFile(join(OUT, file));
  const { width, height } = await sharp(join(OUT, file)).metadata();
  return { file, width, height };
}

mkdirSync(OUT, { recursive: true });
for (const old of readdirSync(OUT)) if (old.endsWith('.png')) rmSync(join(OUT, old));

const icons = [];
for (const size of ANY_SIZES) {
  await png(anySvg(size), `icon-${size}.png`);
  icons.push({ src: `${URL_BASE}/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' });
}
for (const size of MASKABLE_SIZES) {
  await png(fullBleedSvg(size, 0.9), `maskable-${size}.png`);
  icons.push({ src: `${URL_BASE}/maskable-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'maskable' });
}
await png(fullBleedSvg(APPLE_SIZE, 0.95), 'apple-touch-icon.png');

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
manifest.icons = icons;
for (const shortcut of manifest.shortcuts ?? []) {
  const glyphName = SHORTCUT_GLYPHS[shortcut.url];
  if (!glyphName) throw new Error(`no pictogram for the shortcut ${shortcut.url}: add it to SHORTCUT_GLYPHS`);
  const file = `shortcut-${glyphName}-${SHORTCUT_SIZE}.png`;
  await png(shortcutSvg(SHORTCUT_SIZE, glyphName), file);
  shortcut.icons = [{ src: `${URL_BASE}/${file}`, sizes: `${SHORTCUT_SIZE}x${SHORTCUT_SIZE}`, type: 'image/png', purpose: 'any' }];
}
writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');

const written = readdirSync(OUT).filter((f) => f.endsWith('.png'));
console.log(`icons: ${written.length} PNGs in ${OUT}/ from ${SOURCE}; ${MANIFEST} updated`);
