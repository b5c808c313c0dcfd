import { error } from '@sveltejs/kit';

/** A positive integer route parameter, or 404. */
export function idParam(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) error(404, 'Introuvable');
  return Number(value);
}
