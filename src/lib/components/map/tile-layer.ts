/**
 * The operator's vector tiles under CityMap's markers: MapLibre draws the archive, and follows the
 * view CityMap owns (gestures, keyboard, markers and cards stay CityMap's, as on the built-in map).
 *
 * Imported by CityMap only when the server has an archive and the browser has WebGL 2, so that no
 * other page (and no visitor of a server without tiles) downloads MapLibre.
 *
 * MapLibre's own build files are used as they are, served from this origin: the engine
 * (`maplibre-gl.mjs`) and its worker (`maplibre-gl-worker.mjs`, started with `setWorkerUrl` as a
 * same-origin module worker). Since MapLibre 6 the standard build needs neither `eval` nor `blob:`
 * workers, so the page's CSP stays as it is (script-src 'self', worker-src 'self'). Their file
 * names stay readable, so that the service worker can leave them out of its precache. The
 * package's stylesheet is linked when the engine loads, not with the page: a plain CSS import here
 * would make every render of /map block on it, tiles or not.
 */
import engineUrl from 'maplibre-gl/dist/maplibre-gl.mjs?url';
import stylesheetUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';
import type * as MapLibre from 'maplibre-gl';
import { buildTileStyle, paletteKeys, type TilePalette } from './tile-style';
import { unproject, type LngLat, type View } from './projection';
import type { ArchiveInfo } from './tile-probe';

export interface TileLayer {
  /** Where the archive has tiles (from its header). */
  bounds: { sw: LngLat; ne: LngLat };
  /** Draws CityMap's view now (its zoom levels count 256 px tiles, MapLibre's 512 px). */
  setView(view: View): void;
  destroy(): void;
}

export interface TileLayerOptions {
  archive: ArchiveInfo;
  view: View;
  /** The element whose `--map-*` custom properties and font the map takes. */
  themeFrom: HTMLElement;
  /** The base map broke after it loaded (e.g. the GPU context was lost for good). */
  onfail: () => void;
}

/** Long enough for a slow phone; short enough to notice a worker that never started. */
const LOAD_TIMEOUT_MS = 30_000;

/**
 * The whole archive, fetched in one request (the same for every device) and read in memory: the
 * server cannot tell which tiles are drawn, even around the visitor's own position.
 */
class WholeFileSource implements Source {
  private bytes: Promise<ArrayBuffer> | null = null;
  constructor(private url: string) {}
  getKey() {
    return this.url;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.bytes ??= fetch(this.url).then((response) => {
      if (!response.ok) throw new Error(`tile archive: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    this.bytes.catch(() => (this.bytes = null));
    return { data: (await this.bytes).slice(offset, offset + length) };
  }
}

let engine: Promise<typeof MapLibre> | null = null;
const protocol = new Protocol();

function linkStylesheet(): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetUrl;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('the map stylesheet did not load'));
    document.head.append(link);
  });
}

/** MapLibre, loaded and set up once per page. */
function loadEngine(): Promise<typeof MapLibre> {
  engine ??= Promise.all([import(/* @vite-ignore */ engineUrl) as Promise<typeof MapLibre>, linkStylesheet()]).then(([ml]) => {
    ml.setWorkerUrl(new URL(workerUrl, location.href).href);
    ml.addProtocol('pmtiles', protocol.tile);
    return ml;
  });
  engine.catch(() => (engine = null));
  return engine;
}

/** Colours as the canvas reads them: MapLibre's parser needs no modern CSS colour syntax then. */
function readPalette(el: HTMLElement): TilePalette {
  const computed = getComputedStyle(el);
  const ctx = document.createElement('canvas').getContext('2d');
  const out = {} as TilePalette;
  for (const key of paletteKeys) {
    const value = computed.getPropertyValue(`--map-${key}`).trim() || '#888';
    if (ctx) {
      ctx.fillStyle = '#888';
      ctx.fillStyle = value;
      out[key] = String(ctx.fillStyle);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The page's font stack, as family names MapLibre can put back into a canvas `font` unquoted
 * (letters, digits, spaces and hyphens, not starting with a digit); a name that is not would make
 * the whole declaration invalid, and the labels would fall back to 10 px.
 */
function readFonts(el: HTMLElement): string[] {
  const names = getComputedStyle(el)
    .fontFamily.split(',')
    .map((name) => name.trim().replace(/^["']|["']$/g, ''))
    .filter((name) => /^-?[A-Za-z][\w -]*$/.test(name));
  return names.length > 0 ? names : ['sans-serif'];
}

export async function createTileLayer(container: HTMLElement, options: TileLayerOptions): Promise<TileLayer> {
  const archiveUrl = options.archive.url;
  const archive = new PMTiles(options.archive.whole ? new WholeFileSource(archiveUrl) : archiveUrl);
  // Read the header first: a missing or broken archive fails here, before the engine is loaded.
  const [ml, header] = await Promise.all([loadEngine(), archive.getHeader()]);
  protocol.add(archive);

  const style = () => buildTileStyle({ archiveUrl, palette: readPalette(options.themeFrom), fonts: readFonts(options.themeFrom) });
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const centre = unproject(options.view);
  const map = new ml.Map({
    container,
    style: style(),
    center: [centre.lng, centre.lat],
    zoom: options.view.zoom - 1,
    interactive: false,
    attributionControl: false,
    renderWorldCopies: false,
    fadeDuration: reduceMotion ? 0 : 200,
    maxZoom: 22
  });
  // CityMap's surface is the map for assistive technology; MapLibre's canvas is decoration.
  const canvas = map.getCanvas();
  canvas.removeAttribute('role');
  canvas.removeAttribute('aria-label');

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the tile map did not load in time')), LOAD_TIMEOUT_MS);
    function fail(error: unknown) {
      clearTimeout(timer);
      map.off('error', onerror);
      map.remove();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
    // A tile that fails is only a hole; the source itself failing (its header) is the whole map.
    function onerror(event: { error?: unknown; sourceId?: string; tile?: unknown }) {
      if (!event.tile) fail(event.error ?? new Error('tile map error'));
    }
    map.on('error', onerror);
    map.once('load', () => {
      clearTimeout(timer);
      map.off('error', onerror);
      resolve();
    });
  });

  let lost: ReturnType<typeof setTimeout> | undefined;
  canvas.addEventListener('webglcontextlost', () => {
    // MapLibre restores a lost context by itself; a context that stays lost is a broken map.
    lost = setTimeout(options.onfail, 3000);
  });
  canvas.addEventListener('webglcontextrestored', () => clearTimeout(lost));

  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const restyle = () => map.setStyle(style());
  scheme.addEventListener('change', restyle);

  return {
    bounds: { sw: { lng: header.minLon, lat: header.minLat }, ne: { lng: header.maxLon, lat: header.maxLat } },
    setView(view) {
      // MapLibre notices a resize 50 ms late; the markers move at once.
      const c = map.getContainer();
      if (canvas.clientWidth !== c.clientWidth || canvas.clientHeight !== c.clientHeight) map.resize();
      const at = unproject(view);
      map.jumpTo({ center: [at.lng, at.lat], zoom: view.zoom - 1 });
      // Drawn now, not at MapLibre's next frame, so that the base never lags behind the markers.
      map.redraw();
    },
    destroy() {
      clearTimeout(lost);
      scheme.removeEventListener('change', restyle);
      map.remove();
    }
  };
}
