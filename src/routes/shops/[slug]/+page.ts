import type { PageLoad } from './$types';
import { shopPageData, type ShopPageData } from '$lib/catalog/page-data';
import { fromCatalog } from '$lib/personalisation/page-source';

export const load: PageLoad = ({ params, fetch }) =>
  fromCatalog<ShopPageData>(fetch, `/api/shops/${encodeURIComponent(params.slug)}`, (index) => shopPageData(index, params.slug), 'Shop not found');
