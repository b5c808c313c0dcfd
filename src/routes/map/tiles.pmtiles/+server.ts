import type { RequestHandler } from './$types';
import { archiveResponse, configuredArchive } from '$lib/server/map/tile-archive';

/** The operator's tile archive (PLACETTE_MAP_TILES), byte ranges included; 404 without one. */
export const GET: RequestHandler = ({ request, url }) => archiveResponse(request, url, configuredArchive());

// Explicit, so that a HEAD never opens the file for reading.
export const HEAD: RequestHandler = ({ request, url }) => archiveResponse(request, url, configuredArchive());
