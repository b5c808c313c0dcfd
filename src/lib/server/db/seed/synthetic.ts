import type { Db } from '../index';
import {
  contentItemThemes,
  contentItems,
  deals,
  parkingPlaces,
  productThemes,
  products,
  shopThemes,
  shops
} from '../schema';
import { recordCatalogChanges } from '../../catalog/log';
import { shopCategories, type ShopCategory } from '../../../catalog/shop-categories';
import { places } from './content/places';
import { hoursBefore, parisAt } from './dates';
import { hoursTemplates, type HoursTemplate } from './hours';
import { catalogueFor, categoryThemes } from './products';
import { coord, mulberry32, type Random } from './random';
import type { ThemeSlug } from './themes';
import { CHUNK, forEachChunk, nextId, stockOf, uniq, writeTerritory, writeThemes, type SeedCounts, type Tx } from './write';

/**
 * A generated city for benchmarks: the demo themes plus about `itemCount` catalog items
 * (≈ 25 % content of the five kinds, 5 % shops, 65 % products, 3 % deals, 2 % car parks) with
 * combinatorial titles, all journaled. Deterministic for a given `itemCount` and `now`.
 */
export function seedSyntheticCity(db: Db, itemCount: number, now = new Date()): SeedCounts {
  const n = Math.max(0, Math.floor(itemCount));
  const shopCount = Math.max(1, Math.round(n * 0.05));
  const parkingCount = Math.round(n * 0.02);
  const dealCount = Math.round(n * 0.03);
  const contentCount = Math.round(n * 0.25);
  const productCount = Math.max(0, n - shopCount - parkingCount - dealCount - contentCount);
  const rng = mulberry32(0x5eed_c17e ^ n);

  return db.transaction((tx) => {
    const themeCount = writeThemes(tx);
    writeTerritory(tx);
    const content = writeContent(tx, rng, now, contentCount);
    const market = writeMarket(tx, rng, now, shopCount, productCount, dealCount);
    const parkingIds = writeParking(tx, rng, now, parkingCount);
    const ids = [...content.ids, ...market.shopIds, ...market.productIds, ...market.dealIds, ...parkingIds];
    recordCatalogChanges(tx, ids, 'upsert');
    return {
      themes: themeCount,
      contentItems: content.ids.length,
      ...content.byKind,
      shops: market.shopIds.length,
      products: market.productIds.length,
      deals: market.dealIds.length,
      parking: parkingIds.length,
      catalogItems: ids.length
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const districts = [
  'Saint-Cyprien', 'Carmes', 'Saint-Aubin', 'Arnaud-Bernard', 'Compans', 'Minimes', 'Saint-Agne',
  'Côte Pavée', 'Rangueil', 'Borderouge', 'Purpan', 'Lardenne', 'Croix-Daurade', 'Bonnefoy',
  'Jolimont', 'Busca', 'Patte-d’Oie', 'Amidonniers', 'Saint-Michel', 'Empalot', 'Les Chalets',
  'Marengo', 'Saint-Martin-du-Touch', 'Ancely', 'Sept-Deniers', 'Barrière-de-Paris'
];

const streets = [
  'rue du Taur', 'rue Saint-Rome', 'rue des Filatiers', 'rue Croix-Baragnon', 'rue de Metz',
  'rue Pharaon', 'rue des Changes', 'rue Peyrolières', 'rue de la Pomme', 'rue Léon-Gambetta',
  'rue d’Alsace-Lorraine', 'rue de la Dalbade', 'rue Boulbonne', 'rue du Languedoc',
  'rue des Tourneurs', 'rue Ozenne', 'rue Perchepinte', 'rue du May', 'rue Bouquières',
  'rue Réclusane', 'rue des Lois', 'rue Matabiau', 'allées Jean-Jaurès', 'boulevard de Strasbourg',
  'rue de la République', 'avenue de Muret', 'rue Riquet', 'rue Bayard', 'rue de Rémusat',
  'rue Pargaminières', 'rue des Couteliers', 'rue Gramat', 'avenue de la Gloire', 'rue de Cugnaux'
];

const firstNames = [
  'Camille', 'Léa', 'Hugo', 'Manon', 'Louis', 'Inès', 'Jules', 'Chloé', 'Arthur', 'Sarah',
  'Mathis', 'Jeanne', 'Noah', 'Alice', 'Gabriel', 'Lina', 'Raphaël', 'Zoé', 'Paul', 'Rose'
];

const eventTypes: [string, ThemeSlug[]][] = [
  ['Concert de jazz', ['concerts', 'vie-nocturne']],
  ['Récital de piano', ['opera', 'concerts']],
  ['Soirée lyrique', ['opera']],
  ['Pièce de théâtre', ['theatre']],
  ['Atelier créatif', ['artisanat', 'famille']],
  ['Marché de producteurs', ['marches', 'gastronomie']],
  ['Projection en plein air', ['cinema', 'vie-nocturne']],
  ['Visite guidée', ['balades', 'patrimoine']],
  ['Course solidaire', ['sport']],
  ['Conférence', ['sciences']],
  ['Rencontre littéraire', ['librairies']],
  ['Défilé de créateurs', ['mode']],
  ['Bal populaire', ['vie-nocturne', 'concerts']],
  ['Balade nature', ['nature', 'balades']],
  ['Vernissage', ['expositions']],
  ['Dégustation', ['gastronomie']],
  ['Spectacle jeune public', ['famille', 'theatre']],
  ['Tournoi de rugby à toucher', ['sport', 'famille']]
];
const eventQualifiers = [
  'd’automne', 'de printemps', 'du dimanche', 'nocturne', 'en famille', 'de quartier', 'solidaire',
  'du soir', 'surprise', 'en plein air', 'des voisins', 'au bord de l’eau', 'à la tombée du jour'
];
const venueNames = [
  'des Arts', 'de la Brique', 'du Canal', 'Garonne', 'Pastel', 'des Capitouls', 'du Pont-Vieux',
  'des Tanneurs', 'de la Violette', 'du Bazacle', 'Riquet', 'des Minimes', 'Occitanie'
];
const heritageNouns: [string, ThemeSlug[]][] = [
  ['Hôtel particulier', ['patrimoine']],
  ['Chapelle', ['patrimoine']],
  ['Tour', ['patrimoine', 'balades']],
  ['Fontaine', ['patrimoine']],
  ['Cloître', ['patrimoine']],
  ['Maison à colombages', ['patrimoine', 'balades']],
  ['Porche Renaissance', ['patrimoine']],
  ['Ancien moulin', ['patrimoine', 'nature']],
  ['Pigeonnier', ['patrimoine', 'nature']]
];
const cultureNouns: [string, ThemeSlug[]][] = [
  ['Galerie', ['expositions']],
  ['Musée', ['musees']],
  ['Atelier d’artistes', ['expositions', 'artisanat']],
  ['Théâtre', ['theatre']],
  ['Bibliothèque', ['librairies']],
  ['Salle de concert', ['concerts']],
  ['Cinéma d’art et d’essai', ['cinema']],
  ['Centre de culture scientifique', ['sciences', 'famille']]
];
const leisureNouns: [string, ThemeSlug[]][] = [
  ['Jardin', ['nature']],
  ['Square', ['nature', 'famille']],
  ['Parcours sportif', ['sport', 'nature']],
  ['Aire de jeux', ['famille']],
  ['Berges', ['nature', 'balades']],
  ['Belvédère', ['balades']],
  ['Piscine', ['sport', 'famille']],
  ['Skatepark', ['sport']],
  ['Guinguette', ['vie-nocturne', 'gastronomie']]
];
const newsTopics: [string, ThemeSlug[]][] = [
  ['Travaux de voirie', ['balades']],
  ['Nouvelle piste cyclable', ['sport', 'balades']],
  ['Horaires d’été du marché', ['marches']],
  ['Réouverture du square', ['nature', 'famille']],
  ['Plantation d’arbres', ['nature']],
  ['Consultation des habitants', ['famille']],
  ['Fermeture exceptionnelle de la médiathèque', ['librairies']],
  ['Nouvelle navette de quartier', ['famille']],
  ['Rénovation de la façade de l’église', ['patrimoine']]
];
const centuries = ['XIIIᵉ', 'XIVᵉ', 'XVᵉ', 'XVIᵉ', 'XVIIᵉ', 'XVIIIᵉ', 'XIXᵉ'];
const productVariants = ['', '', ' – édition limitée', ' – format familial', ' – bio', ' – petit format', ' – coffret cadeau'];

/** "de la …", "des …", "du …" or "de …" in front of a district name. */
function ofDistrict(d: string): string {
  if (d.startsWith('Les ')) return `des ${d.slice(4)}`;
  if (/^[AEIOUÉ]/.test(d)) return `d’${d}`;
  return `de ${d}`;
}

function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A point in the wider city (lat 43.56–43.65, lng 1.38–1.50). */
function cityPoint(rng: Random): { lat: number; lng: number } {
  return { lat: coord(43.605 + rng.jitter(0.045)), lng: coord(1.444 + rng.jitter(0.06)) };
}

/** A point in the historic centre (the demo's shop box). */
function centrePoint(rng: Random): { lat: number; lng: number } {
  return { lat: coord(43.6035 + rng.jitter(0.0075)), lng: coord(1.4435 + rng.jitter(0.0075)) };
}

// ---------------------------------------------------------------------------------------------
// Content

type ContentRow = typeof contentItems.$inferInsert;
type Kind = ContentRow['kind'];
const kindCycle: Kind[] = ['event', 'event', 'event', 'event', 'heritage', 'culture', 'culture', 'leisure', 'leisure', 'news'];
const placeList = Object.values(places);

function contentRow(kind: Kind, rng: Random, now: Date): { row: ContentRow; themes: ThemeSlug[] } {
  const district = rng.pick(districts);
  const street = rng.pick(streets);
  const point = cityPoint(rng);
  const base = {
    kind,
    lat: point.lat,
    lng: point.lng,
    address: `${rng.int(1, 80)} ${street}, 31000 Toulouse`,
    featured: rng.chance(0.03),
    status: 'published' as const,
    updatedAt: hoursBefore(now, rng.int(1, 2000))
  };
  switch (kind) {
    case 'event': {
      const [type, themes] = rng.pick(eventTypes);
      const place = rng.pick(placeList);
      const day = rng.int(-10, 90);
      const start = rng.pick(['10:00', '14:30', '18:30', '20:00', '20:30', '21:00']);
      const [h, m] = start.split(':').map(Number);
      const end = `${String(Math.min(23, h + rng.int(1, 3))).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      return {
        themes,
        row: {
          ...base,
          title: `${type} ${rng.pick(eventQualifiers)} – ${place.name}`,
          summary: `${type} ${rng.pick(eventQualifiers)} à découvrir : ${place.name}, quartier ${district}.`,
          body: `Rendez-vous sur place (${place.name}) pour un moment ${rng.pick(['convivial', 'festif', 'chaleureux', 'étonnant', 'apaisant'])}. Organisé par les habitants du quartier ${district}, l’événement accueille petits et grands dans la limite des places disponibles.`,
          place: place.name,
          address: place.address,
          lat: coord(place.lat + rng.jitter(0.0005)),
          lng: coord(place.lng + rng.jitter(0.0005)),
          startsAt: parisAt(now, day, start),
          endsAt: parisAt(now, day, end),
          priceLabel: rng.pick(['Gratuit', 'Gratuit', '5 €', 'De 8 à 15 €', 'Libre participation', '12 €']),
          publishedAt: hoursBefore(now, rng.int(24, 2000))
        }
      };
    }
    case 'heritage': {
      const [noun, themes] = rng.pick(heritageNouns);
      const century = rng.pick(centuries);
      return {
        themes,
        row: {
          ...base,
          title: `${noun} ${ofDistrict(district)} (${street})`,
          summary: `${noun} du ${century} siècle, témoin discret de l’histoire du quartier ${district}.`,
          body: `Élevé au ${century} siècle, cet édifice de brique rappelle la prospérité passée du quartier ${district}. Restauré avec soin, il se découvre au détour de la ${street}.`,
          place: `${noun} ${ofDistrict(district)}`,
          priceLabel: 'Gratuit',
          publishedAt: hoursBefore(now, rng.int(200, 4000))
        }
      };
    }
    case 'culture': {
      const [noun, themes] = rng.pick(cultureNouns);
      const name = `${noun} ${rng.pick(venueNames)} – ${district}`;
      return {
        themes,
        row: {
          ...base,
          title: name,
          summary: `${noun} de quartier à ${district}, programmation renouvelée chaque saison.`,
          body: `Le lieu accueille créations, rencontres et ateliers tout au long de l’année. Son équipe défend les artistes de la région et les tarifs accessibles.`,
          place: name,
          priceLabel: rng.pick(['Gratuit', 'De 3 à 8 €', 'De 8 à 20 €']),
          publishedAt: hoursBefore(now, rng.int(200, 4000))
        }
      };
    }
    case 'leisure': {
      const [noun, themes] = rng.pick(leisureNouns);
      const name = `${noun} ${ofDistrict(district)}`;
      return {
        themes,
        row: {
          ...base,
          title: name,
          summary: `${noun} du quartier ${district}, un lieu apprécié des habitants à quelques minutes du centre.`,
          body: `Un lieu de détente pour tous les âges, ouvert tous les jours. On y vient en famille, entre amis ou seul avec un livre.`,
          place: name,
          priceLabel: 'Gratuit',
          publishedAt: hoursBefore(now, rng.int(200, 4000))
        }
      };
    }
    case 'news': {
      const [topic, themes] = rng.pick(newsTopics);
      return {
        themes,
        row: {
          ...base,
          title: `${topic} ${ofDistrict(district)}`,
          summary: `${topic} dans le quartier ${district} : ce qui change pour les habitants.`,
          body: `La ville annonce : ${topic.toLowerCase()}, ${street}. Les riverains sont invités à consulter le calendrier détaillé en mairie de quartier.`,
          place: null,
          priceLabel: null,
          publishedAt: hoursBefore(now, rng.int(1, 1200))
        }
      };
    }
  }
}

function writeContent(tx: Tx, rng: Random, now: Date, count: number) {
  let id = nextId(tx, contentItems);
  const rows: ContentRow[] = [];
  const links: (typeof contentItemThemes.$inferInsert)[] = [];
  const ids: string[] = [];
  const byKind = { events: 0, heritage: 0, culture: 0, leisure: 0, news: 0 };
  for (let i = 0; i < count; i++) {
    const kind = kindCycle[i % kindCycle.length];
    const { row, themes } = contentRow(kind, rng, now);
    const rowId = id++;
    rows.push({ ...row, id: rowId });
    for (const themeSlug of uniq(themes, 3)) links.push({ itemId: rowId, themeSlug });
    ids.push(`${kind}-${rowId}`);
    byKind[kind === 'event' ? 'events' : kind]++;
  }
  forEachChunk(rows, 500, (chunk) => tx.insert(contentItems).values(chunk).run());
  forEachChunk(links, 2000, (chunk) => tx.insert(contentItemThemes).values(chunk).run());
  return { ids, byKind };
}

// ---------------------------------------------------------------------------------------------
// Market

const categories = Object.keys(shopCategories) as ShopCategory[];

function hoursFor(category: ShopCategory, rng: Random): HoursTemplate {
  switch (category) {
    case 'boulangerie':
      return 'bakery';
    case 'fromagerie':
    case 'boucherie':
    case 'primeur':
      return 'freshFood';
    case 'caviste':
      return 'wine';
    case 'cafe':
      return 'cafe';
    case 'fleuriste':
      return 'florist';
    default:
      return rng.pick(['classic', 'classicMonday', 'continuous', 'fashion', 'workshop'] as const);
  }
}

function shopName(category: ShopCategory, rng: Random): string {
  const label = shopCategories[category].fr;
  const first = rng.pick(firstNames);
  switch (rng.int(0, 3)) {
    case 0:
      return `${label} ${ofDistrict(rng.pick(districts))}`;
    case 1:
      return `Chez ${first}`;
    case 2:
      return `${label} ${first}`;
    default:
      return `L’Atelier ${/^[AEIOUÉ]/.test(first) ? 'd’' : 'de '}${first}`;
  }
}

function writeMarket(tx: Tx, rng: Random, now: Date, shopCount: number, productCount: number, dealCount: number) {
  let shopId = nextId(tx, shops);
  let productId = nextId(tx, products);
  let dealId = nextId(tx, deals);
  const shopRows: (typeof shops.$inferInsert)[] = [];
  const shopLinks: (typeof shopThemes.$inferInsert)[] = [];
  const productRows: (typeof products.$inferInsert)[] = [];
  const productLinks: (typeof productThemes.$inferInsert)[] = [];
  const dealRows: (typeof deals.$inferInsert)[] = [];
  const shopIds: string[] = [];
  const productIds: string[] = [];
  const dealIds: string[] = [];
  const made: { id: number; category: ShopCategory; name: string }[] = [];

  for (let i = 0; i < shopCount; i++) {
    const id = shopId++;
    const category = categories[i % categories.length];
    const name = shopName(category, rng);
    const district = rng.pick(districts);
    const point = rng.chance(0.7) ? centrePoint(rng) : cityPoint(rng);
    shopRows.push({
      id,
      slug: `${slugify(name)}-${id}`,
      name,
      category,
      summary: `${shopCategories[category].fr} indépendante du quartier ${district}, conseils et retrait en boutique.`,
      description: `Une adresse de quartier tenue par des passionnés. Sélection de produits de la région et commandes sur demande.`,
      address: `${rng.int(1, 80)} ${rng.pick(streets)}, 31000 Toulouse`,
      lat: point.lat,
      lng: point.lng,
      phone: `05 6${rng.int(1, 2)} ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')}`,
      openingHours: hoursTemplates[hoursFor(category, rng)],
      clickAndCollect: rng.chance(0.85),
      featured: rng.chance(0.05),
      status: 'approved',
      createdAt: hoursBefore(now, rng.int(100, 6000)),
      updatedAt: hoursBefore(now, rng.int(1, 100))
    });
    for (const themeSlug of categoryThemes[category]) shopLinks.push({ shopId: id, themeSlug });
    shopIds.push(`shop-${id}`);
    made.push({ id, category, name });
  }

  for (let i = 0; i < productCount; i++) {
    const shop = made[i % made.length];
    const [baseName, price, description, extra] = rng.pick(catalogueFor({ slug: '', category: shop.category }));
    const id = productId++;
    productRows.push({
      id,
      shopId: shop.id,
      name: `${baseName}${rng.pick(productVariants)}`,
      description,
      priceCents: Math.max(50, Math.round((price * (0.85 + rng.next() * 0.3)) / 10) * 10),
      ...stockOf(rng.chance(0.08) ? 0 : rng.int(1, 40)),
      visible: true,
      updatedAt: hoursBefore(now, rng.int(1, 1000))
    });
    for (const themeSlug of uniq([...categoryThemes[shop.category], ...(extra ?? [])], 3)) {
      productLinks.push({ productId: id, themeSlug });
    }
    productIds.push(`product-${id}`);
  }

  for (let i = 0; i < dealCount; i++) {
    const shop = rng.pick(made);
    const from = rng.int(-20, 5);
    const id = dealId++;
    const percent = rng.pick([10, 15, 20, 25, 30]);
    dealRows.push({
      id,
      shopId: shop.id,
      title: rng.pick([
        `-${percent} % sur toute la boutique`,
        `-${percent} % sur une sélection`,
        'Le deuxième article à moitié prix',
        'Un cadeau offert dès 30 € d’achat',
        'Retrait en boutique : -5 € dès 40 €'
      ]),
      details: `Offre proposée par ${shop.name}, dans la limite des stocks disponibles.`,
      startsAt: parisAt(now, from, '00:00'),
      endsAt: parisAt(now, from + rng.int(3, 30), '23:59'),
      status: 'published',
      updatedAt: hoursBefore(now, rng.int(1, 500))
    });
    dealIds.push(`deal-${id}`);
  }

  forEachChunk(shopRows, 500, (chunk) => tx.insert(shops).values(chunk).run());
  forEachChunk(shopLinks, 2000, (chunk) => tx.insert(shopThemes).values(chunk).run());
  forEachChunk(productRows, 1000, (chunk) => tx.insert(products).values(chunk).run());
  forEachChunk(productLinks, 2000, (chunk) => tx.insert(productThemes).values(chunk).run());
  forEachChunk(dealRows, CHUNK, (chunk) => tx.insert(deals).values(chunk).run());
  return { shopIds, productIds, dealIds };
}

// ---------------------------------------------------------------------------------------------
// Car parks

function writeParking(tx: Tx, rng: Random, now: Date, count: number): string[] {
  let id = nextId(tx, parkingPlaces);
  const rows: (typeof parkingPlaces.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const district = rng.pick(districts);
    const point = cityPoint(rng);
    rows.push({
      id: id++,
      name: `Parking ${district} ${i + 1}`,
      address: `${rng.pick(streets)}, 31000 Toulouse`,
      lat: point.lat,
      lng: point.lng,
      capacity: rng.int(40, 900),
      hourlyPriceCents: rng.pick([0, 120, 150, 180, 200, 240, 280]),
      tip: rng.pick(['Gratuit le dimanche.', 'Proche du métro.', 'Souvent des places le matin.', 'Idéal pour le marché.']),
      openingHours: rng.chance(0.7) ? null : hoursTemplates.cafe,
      status: 'published',
      updatedAt: hoursBefore(now, rng.int(1, 2000))
    });
  }
  forEachChunk(rows, CHUNK, (chunk) => tx.insert(parkingPlaces).values(chunk).run());
  return rows.map((r) => `parking-${r.id}`);
}
