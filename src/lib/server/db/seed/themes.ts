/** The demo taxonomy. Slugs are public identifiers that devices store: never rename them. */
export interface SeedTheme {
  slug: string;
  fr: string;
  en: string;
}

export const seedThemes = [
  { slug: 'opera', fr: 'Opéra & musique classique', en: 'Opera & classical music' },
  { slug: 'concerts', fr: 'Concerts', en: 'Concerts' },
  { slug: 'theatre', fr: 'Théâtre', en: 'Theatre' },
  { slug: 'cinema', fr: 'Cinéma', en: 'Cinema' },
  { slug: 'patrimoine', fr: 'Patrimoine', en: 'Heritage' },
  { slug: 'musees', fr: 'Musées', en: 'Museums' },
  { slug: 'expositions', fr: 'Expositions', en: 'Exhibitions' },
  { slug: 'balades', fr: 'Balades & visites guidées', en: 'Walks & guided tours' },
  { slug: 'sciences', fr: 'Sciences & espace', en: 'Science & space' },
  { slug: 'marches', fr: 'Marchés', en: 'Markets' },
  { slug: 'gastronomie', fr: 'Gastronomie', en: 'Food & drink' },
  { slug: 'librairies', fr: 'Livres & librairies', en: 'Books & bookshops' },
  { slug: 'mode', fr: 'Mode', en: 'Fashion' },
  { slug: 'artisanat', fr: 'Artisanat', en: 'Crafts' },
  { slug: 'sport', fr: 'Sport', en: 'Sport' },
  { slug: 'famille', fr: 'En famille', en: 'Family' },
  { slug: 'nature', fr: 'Nature & jardins', en: 'Nature & gardens' },
  { slug: 'vie-nocturne', fr: 'Vie nocturne', en: 'Nightlife' }
] as const satisfies readonly SeedTheme[];

export type ThemeSlug = (typeof seedThemes)[number]['slug'];

/** Rows for the `themes` table, in display order. */
export function themeRows() {
  return seedThemes.map((t, position) => ({ slug: t.slug, labelFr: t.fr, labelEn: t.en, position }));
}
