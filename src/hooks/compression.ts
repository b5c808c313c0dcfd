import type { Handle } from '@sveltejs/kit';

/** Rendered pages and other text answers worth compressing (static files are precompressed). */
const COMPRESSIBLE = /^(text\/(html|plain|css|xml)|application\/(json|xml|manifest\+json))\b/i;
/** Bytes under which an answer with a known length is sent as it is. */
const SMALL = 1400;

function acceptsGzip(header: string | null): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Gzips server-rendered pages on the fly (adapter-node only precompresses the static files):
 * a feed page is ~40 KB of HTML, ~8 KB gzipped. Streams, so a streamed page stays streamed.
 * Answers that chose their own encoding (the catalog API) are left alone.
 */
export const compression: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const type = response.headers.get('content-type') ?? '';
  if (
    !response.body ||
    event.request.method === 'HEAD' ||
    response.status < 200 ||
    response.status === 204 ||
    response.status === 206 ||
    response.headers.has('content-encoding') ||
    !COMPRESSIBLE.test(type) ||
    // A small answer (an order, an error) fits in one packet either way: gzip would only cost CPU.
    Number(response.headers.get('content-length') ?? Infinity) < SMALL ||
    !acceptsGzip(event.request.headers.get('accept-encoding'))
  ) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  // Same entity, another encoding: the validator becomes weak (SvelteKit ignores W/ on 304 checks).
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/accept-encoding|\*/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers
  });
};
