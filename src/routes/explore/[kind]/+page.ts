import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import { isExploreKind } from '$lib/components/explore/explore';

/** Only the eight sections exist; the list itself is computed from the device's catalog copy. */
export const load: PageLoad = ({ params }) => {
  if (!isExploreKind(params.kind)) error(404, 'Not found');
  return { kind: params.kind };
};
