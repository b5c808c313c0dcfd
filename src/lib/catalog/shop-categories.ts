/** Shop categories with their labels; a shop's `category` is one of these keys. */
export const shopCategories = {
  librairie: { fr: 'Librairie', en: 'Bookshop' },
  boulangerie: { fr: 'Boulangerie-pâtisserie', en: 'Bakery' },
  fromagerie: { fr: 'Fromagerie', en: 'Cheese shop' },
  epicerie: { fr: 'Épicerie fine', en: 'Delicatessen' },
  caviste: { fr: 'Caviste', en: 'Wine shop' },
  chocolatier: { fr: 'Chocolatier', en: 'Chocolatier' },
  boucherie: { fr: 'Boucherie-charcuterie', en: 'Butcher' },
  primeur: { fr: 'Primeur', en: 'Greengrocer' },
  fleuriste: { fr: 'Fleuriste', en: 'Florist' },
  mode: { fr: 'Mode', en: 'Fashion' },
  chaussures: { fr: 'Chaussures', en: 'Shoes' },
  bijouterie: { fr: 'Bijouterie', en: 'Jewellery' },
  artisanat: { fr: 'Artisanat d’art', en: 'Crafts' },
  deco: { fr: 'Décoration & maison', en: 'Home & decor' },
  disquaire: { fr: 'Disquaire', en: 'Record shop' },
  jouets: { fr: 'Jouets', en: 'Toys' },
  sport: { fr: 'Sport', en: 'Sports' },
  beaute: { fr: 'Beauté & bien-être', en: 'Beauty' },
  papeterie: { fr: 'Papeterie', en: 'Stationery' },
  cafe: { fr: 'Café & thé', en: 'Coffee & tea' }
} as const satisfies Record<string, { fr: string; en: string }>;

export type ShopCategory = keyof typeof shopCategories;

/** A category's label, or the key itself for a category this build does not know. */
export function categoryLabel(category: string, locale: 'fr' | 'en'): string {
  return shopCategories[category as ShopCategory]?.[locale] ?? category;
}
