import type { EncodedBody } from '../catalog/snapshot';

function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase())
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === etag);
}

/**
 * Serves a precomputed JSON body with content negotiation, a strong ETag per representation and
 * conditional GET. The same bytes go to everyone; nothing here reads who is asking.
 */
export function encodedJsonResponse(
  request: Request,
  body: EncodedBody,
  cacheControl = 'public, max-age=0, must-revalidate'
): Response {
  const encoding = pickEncoding(request.headers.get('accept-encoding'));
  const etag = `"${body.hash}${encoding ? `-${encoding}` : ''}"`;
  const headers = new Headers({
    'content-type': 'application/json; charset=utf-8',
    'cache-control': cacheControl,
    etag,
    vary: 'Accept-Encoding'
  });
  if (etagMatches(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  const bytes = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.json;
  if (encoding) headers.set('content-encoding', encoding);
  headers.set('content-length', String(bytes.length));
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
