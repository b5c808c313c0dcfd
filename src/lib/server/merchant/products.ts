import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { products, productThemes, shops, themes } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { catalogId } from '$lib/catalog/types';
import type { ProductFields, ProductInput } from '$lib/schemas/merchant';
import type { ImageDescriptor } from '$lib/images/limits';

export interface ProductRow extends ProductFields {
  id: number;
}

export function listProducts(database: Db, shopId: number): ProductRow[] {
  const rows = database.select().from(products).where(eq(products.shopId, shopId)).orderBy(asc(products.name)).all();
  const themeRows = rows.length
    ? database
        .select()
        .from(productThemes)
        .where(inArray(productThemes.productId, rows.map((r) => r.id)))
        .all()
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    priceCents: r.priceCents,
    stock: r.stock,
    visible: r.visible,
    photos: r.photos,
    themes: themeRows.filter((t) => t.productId === r.id).map((t) => t.themeSlug)
  }));
}

/** One product of this shop, or null (another shop's product is "not found", never "forbidden"). */
export function findProduct(database: Db, shopId: number, productId: number): ProductRow | null {
  const row = database.select().from(products).where(and(eq(products.id, productId), eq(products.shopId, shopId))).get();
  if (!row) return null;
  const slugs = database.select().from(productThemes).where(eq(productThemes.productId, row.id)).all();
  return { ...row, themes: slugs.map((t) => t.themeSlug) };
}

/** What to do with the product's photos: keep them, or replace them all (an empty list removes). */
export type PhotoChange = { keep: true } | { replace: ImageDescriptor[] };

/**
 * Creates (productId null) or updates a product. For an approved shop the change is journaled in
 * the same transaction: visible → upsert, hidden → tombstone (the catalog lists visible products only).
 * Returns the product id, or null when productId is not one of this shop's products.
 */
export function saveProduct(
  database: Db,
  shopId: number,
  productId: number | null,
  input: ProductInput & { themes: string[] },
  photos: PhotoChange = { keep: true }
): { id: number; replacedPhotos: ImageDescriptor[] } | null {
  return database.transaction((tx) => {
    const values = {
      name: input.name,
      description: input.description,
      priceCents: input.price,
      stock: input.stock,
      visible: input.visible,
      updatedAt: new Date().toISOString(),
      ...('replace' in photos ? { photos: photos.replace } : {})
    };
    let replacedPhotos: ImageDescriptor[] = [];
    let id: number;
    if (productId === null) {
      id = tx.insert(products).values({ shopId, ...values, stockIn: input.stock }).returning({ id: products.id }).get().id;
    } else {
      if ('replace' in photos) {
        const before = tx.select({ photos: products.photos }).from(products).where(and(eq(products.id, productId), eq(products.shopId, shopId))).get();
        replacedPhotos = (before?.photos ?? []).filter((old) => !photos.replace.some((p) => p.id === old.id));
      }
      const updated = tx
        .update(products)
        // The form sets what is available now; what open orders hold stays reserved. The
        // difference is units added or removed by the shop: `stock_in` follows it.
        .set({ ...values, stockIn: sql`${products.stockIn} + ${input.stock} - ${products.stock}` })
        .where(and(eq(products.id, productId), eq(products.shopId, shopId)))
        .returning({ id: products.id })
        .get();
      if (!updated) return null;
      id = updated.id;
      tx.delete(productThemes).where(eq(productThemes.productId, id)).run();
    }
    const known = input.themes.length
      ? tx.select({ slug: themes.slug }).from(themes).where(inArray(themes.slug, input.themes)).all().map((t) => t.slug)
      : [];
    if (known.length) tx.insert(productThemes).values(known.map((themeSlug) => ({ productId: id, themeSlug }))).run();
    const shop = tx.select({ status: shops.status }).from(shops).where(eq(shops.id, shopId)).get();
    if (shop?.status === 'approved') recordCatalogChanges(tx, [catalogId('product', id)], input.visible ? 'upsert' : 'delete');
    return { id, replacedPhotos };
  });
}
