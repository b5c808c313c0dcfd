import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { prepareDatabase } from '$lib/server/startup/prepare-database';
import { configurePayments, paymentProvider } from '$lib/server/payments';
import { configureMail } from '$lib/server/mail';
import { settleRefunds } from '$lib/server/orders/refunds';
import { db } from '$lib/server/db';
import { compression } from './hooks/compression';
import { csrf } from './hooks/csrf';
import { securityHeaders } from './hooks/security-headers';
import { session } from './hooks/session';

export const init: ServerInit = async () => {
  await prepareDatabase();
  configurePayments();
  configureMail();
  // Refunds a crash or an unreachable provider left due: retried in the background at each start.
  void settleRefunds(db(), paymentProvider('online'));
};

// Compression wraps the response last, after the security headers are set.
export const handle = sequence(compression, securityHeaders, csrf, session);

/** Errors are logged without the request path, query or client address. */
export const handleError: HandleServerError = ({ error, status }) => {
  if (status !== 404) {
    console.error('[placette] unexpected error', error instanceof Error ? (error.stack ?? error.message) : error);
  }
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
