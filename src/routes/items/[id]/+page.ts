import type { PageLoad } from './$types';
import { itemPageData, type ItemPageData } from '$lib/catalog/page-data';
import { fromCatalog } from '$lib/personalisation/page-source';

export const load: PageLoad = ({ params, fetch }) =>
  fromCatalog<ItemPageData>(fetch, `/api/items/${encodeURIComponent(params.id)}`, (index) => itemPageData(index, params.id), 'Item not found');
