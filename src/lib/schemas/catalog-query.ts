import { z } from 'zod';

/** `?since=` on /api/catalog: a catalog version the device already holds. */
export const sinceParam = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,15})$/, 'since must be a non-negative integer')
  .transform(Number);

export const catalogIdParam = z.string().regex(/^[a-z]+-[1-9][0-9]{0,9}$/, 'unknown item id');
export const slugParam = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
