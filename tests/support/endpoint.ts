import { isHttpError, isRedirect } from '@sveltejs/kit';

/**
 * Calling a `+server.ts` handler the way SvelteKit calls it, for the unit tests of the JSON
 * endpoints: an event with a real Request, `locals` for a signed-in user (or nobody), and the
 * answer read back as status, headers and body, a thrown `error()`/`redirect()` included.
 */

export type Handler = (event: unknown) => Response | Promise<Response>;

export interface TestUser {
  id: number;
  email: string;
  role: 'citizen' | 'merchant' | 'curator';
  displayName: string;
  twoFactorEnabled: boolean;
}

/** A signed-in user as `locals.user` holds it. */
export function testUser(id: number, role: TestUser['role'] = 'citizen'): TestUser {
  return { id, email: `${id}@example.org`, role, displayName: '', twoFactorEnabled: false };
}

export interface EventOptions {
  method?: string;
  /** Sent as JSON (a string is sent as it is, still labelled JSON). */
  body?: unknown;
  /** Sent as multipart form data instead of a JSON body. */
  form?: FormData;
  headers?: Record<string, string>;
  /** null or absent: signed out. */
  user?: TestUser | null;
  params?: Record<string, string>;
}

export function endpointEvent(path: string, options: EventOptions = {}) {
  const url = new URL(`http://placette.test${path}`);
  const request = new Request(url, {
    method: options.method ?? 'GET',
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.form ?? (options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body))
  });
  const user = options.user ?? null;
  return { request, url, params: options.params ?? {}, locals: { user, session: user ? { id: 's' } : null } };
}

export interface EndpointAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, null for a 204, else the raw bytes (an image). */
  body: any;
}

export async function callEndpoint(handler: Handler, event: ReturnType<typeof endpointEvent>): Promise<EndpointAnswer> {
  try {
    const response = await handler(event);
    const type = response.headers.get('content-type') ?? '';
    const body = response.status === 204 ? null : type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body };
  } catch (thrown) {
    if (isHttpError(thrown)) return { status: thrown.status, headers: new Headers(), body: thrown.body };
    if (isRedirect(thrown)) return { status: thrown.status, headers: new Headers({ location: thrown.location }), body: null };
    throw thrown;
  }
}
