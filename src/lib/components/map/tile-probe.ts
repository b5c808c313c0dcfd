/**
 * Which base map /map can draw: the operator's tile archive needs the server to have one
 * (GET /map/basemap.json, the same answer for everyone) and the browser to have WebGL 2 (what
 * MapLibre 6 needs). Otherwise, and offline, the built-in layer is drawn.
 */

export const BASEMAP_INFO_URL = '/map/basemap.json';

export interface ArchiveInfo {
  /** Absolute URL, on this origin. */
  url: string;
  /** Read the whole file at once (the server then learns nothing of where one looks). */
  whole: boolean;
}

/** The operator's archive, or null. */
export async function tileArchive(): Promise<ArchiveInfo | null> {
  try {
    const response = await fetch(BASEMAP_INFO_URL);
    if (!response.ok) return null;
    const { archive, whole } = (await response.json()) as { archive?: unknown; whole?: unknown };
    if (typeof archive !== 'string') return null;
    const url = new URL(archive, location.href);
    // Tiles come from this origin or not at all.
    return url.origin === location.origin ? { url: url.href, whole: whole === true } : null;
  } catch {
    return null;
  }
}

export function hasWebGl2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    // Give the probe's context back at once: browsers allow only a few at a time.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}
