import type { ShopCategory } from '../../../catalog/shop-categories';
import type { HoursTemplate } from './hours';
import type { ThemeSlug } from './themes';

/** A fictional independent shop of the demo city centre (real streets, invented businesses). */
export interface ShopSeed {
  slug: string;
  name: string;
  category: ShopCategory;
  address: string;
  lat: number;
  lng: number;
  hours: HoursTemplate;
  summary: string;
  description: string;
  themes: ThemeSlug[];
  clickAndCollect?: boolean;
  /** Pickup slot settings when they differ from the defaults (15 min, 4 orders, 30 min to prepare). */
  slots?: { slotMinutes?: number; slotCapacity?: number; prepMinutes?: number };
  /** Delivery by the shop: the postcodes it serves and its fee. */
  delivery?: { postcodes: string[]; feeCents: number };
  featured?: boolean;
  /** Exceptional closures, in days after the seeding day. */
  closedInDays?: number[];
  /** Defaults to approved; a pending shop shows up in the moderation queue only. */
  status?: 'pending' | 'approved';
}

export const shopSeeds: ShopSeed[] = [
  {
    slug: 'la-plume-du-taur',
    name: 'La Plume du Taur',
    category: 'librairie',
    address: '34 rue du Taur, 31000 Toulouse',
    lat: 43.6068,
    lng: 1.4428,
    hours: 'classicMonday',
    summary: 'Librairie généraliste entre le Capitole et Saint-Sernin, forte en littérature et en histoire régionale.',
    description:
      'Depuis vingt ans, La Plume du Taur accueille les lecteurs du quartier dans une ancienne boutique aux poutres apparentes. Romans, essais, poésie et un grand rayon consacré à l’histoire de Toulouse et de l’Occitanie.\n\nL’équipe aime conseiller : chaque libraire glisse ses coups de cœur sur les tables. Commandes possibles sous 48 heures.',
    themes: ['librairies', 'patrimoine'],
    featured: true
  },
  {
    slug: 'les-pages-roses',
    name: 'Les Pages roses',
    category: 'librairie',
    address: '18 rue Saint-Rome, 31000 Toulouse',
    lat: 43.603,
    lng: 1.4433,
    hours: 'continuous',
    summary: 'Polars, bandes dessinées et mangas : la librairie des amateurs de frissons et de bulles.',
    description:
      'Aux Pages roses, le noir domine : romans policiers d’hier et d’aujourd’hui, thrillers nordiques et grands classiques du roman noir. L’étage est consacré à la bande dessinée et au manga.\n\nSéances de dédicaces régulières avec les auteurs de la région.',
    themes: ['librairies']
  },
  {
    slug: 'le-lutin-lecteur',
    name: 'Le Lutin lecteur',
    category: 'librairie',
    address: '9 rue des Filatiers, 31000 Toulouse',
    lat: 43.5992,
    lng: 1.4436,
    hours: 'classic',
    summary: 'Librairie jeunesse : albums, premières lectures et romans ados, avec un coin lecture pour les petits.',
    description:
      'Le Lutin lecteur est entièrement dédié aux enfants et aux adolescents. Tapis, coussins et petits fauteuils invitent à feuilleter les albums avant de choisir.\n\nHeure du conte le mercredi à 10 h 30, gratuite et sans réservation.',
    themes: ['librairies', 'famille']
  },
  {
    slug: 'le-fournil-des-carmes',
    name: 'Le Fournil des Carmes',
    category: 'boulangerie',
    address: '27 rue des Filatiers, 31000 Toulouse',
    lat: 43.5987,
    lng: 1.4439,
    hours: 'bakery',
    summary: 'Pains au levain cuits au feu de bois et fénétra, le gâteau traditionnel toulousain.',
    description:
      'Au Fournil des Carmes, la pâte est pétrie lentement et les pains cuisent dans un four à bois. Farines de meuniers du Lauragais, levain naturel et longues fermentations.\n\nCôté douceurs, ne manquez pas le fénétra, gâteau à l’abricot et au citron confit, et les croustades aux pommes.',
    themes: ['gastronomie'],
    featured: true
  },
  {
    slug: 'brique-et-levain',
    name: 'Brique & Levain',
    category: 'boulangerie',
    address: '41 rue Pharaon, 31000 Toulouse',
    lat: 43.5966,
    lng: 1.4442,
    hours: 'bakery',
    summary: 'Boulangerie-pâtisserie de quartier : baguettes de tradition, viennoiseries pur beurre et tartes de saison.',
    description:
      'Une petite boulangerie où l’on se presse dès 7 heures pour les baguettes de tradition encore tièdes. Les viennoiseries sont façonnées sur place chaque matin.\n\nLe week-end, les tartes aux fruits de saison partent vite : pensez à les réserver.',
    themes: ['gastronomie', 'famille']
  },
  {
    slug: 'la-cave-a-tommes',
    name: 'La Cave à tommes',
    category: 'fromagerie',
    address: '5 place Victor-Hugo, 31000 Toulouse',
    lat: 43.6058,
    lng: 1.4473,
    hours: 'freshFood',
    summary: 'Fromages des Pyrénées affinés dans notre cave, face au marché Victor-Hugo.',
    description:
      'Tommes de brebis des vallées béarnaises, bethmale, roquefort et fromages de chèvre du Quercy : la sélection fait la part belle au Sud-Ouest.\n\nLes fromages sont affinés dans la cave voûtée de la boutique. Plateaux sur commande pour vos repas de fête.',
    themes: ['gastronomie', 'marches']
  },
  {
    slug: 'fromages-et-paturages',
    name: 'Fromages & Pâturages',
    category: 'fromagerie',
    address: '22 rue Peyrolières, 31000 Toulouse',
    lat: 43.602,
    lng: 1.4406,
    hours: 'freshFood',
    summary: 'Fromagerie crémerie : fromages fermiers au lait cru, beurre à la motte et yaourts de la ferme.',
    description:
      'Le fromager travaille en direct avec une quarantaine de fermes, des Pyrénées au Cantal. Beurre à la motte, crème crue et yaourts fermiers complètent l’offre.\n\nDégustation offerte avant tout achat : demandez conseil !',
    themes: ['gastronomie']
  },
  {
    slug: 'epicerie-de-la-violette',
    name: 'L’Épicerie de la violette',
    category: 'epicerie',
    address: '14 rue Croix-Baragnon, 31000 Toulouse',
    lat: 43.6001,
    lng: 1.4478,
    hours: 'classicMonday',
    summary: 'Épicerie fine occitane : confits, cassoulets en bocal, huiles, miels et tout l’univers de la violette.',
    description:
      'Une épicerie fine qui célèbre les produits d’Occitanie : cassoulets en bocal, confits de canard, foie gras du Gers, miels des Pyrénées et huiles de noix.\n\nLe rayon violette rassemble bonbons, sirops, liqueurs et confitures à la fleur emblème de Toulouse. Coffrets cadeaux composés à la demande.',
    themes: ['gastronomie', 'artisanat']
  },
  {
    slug: 'comptoir-garonne',
    name: 'Comptoir Garonne',
    category: 'epicerie',
    address: '33 rue Pharaon, 31000 Toulouse',
    lat: 43.597,
    lng: 1.4443,
    hours: 'continuous',
    summary: 'Épicerie vrac et produits locaux : légumineuses, farines, huiles et conserves de petits producteurs.',
    description:
      'Au Comptoir Garonne, on vient avec ses bocaux. Lentilles, haricots tarbais, farines du Lauragais, pâtes artisanales et huiles d’olive sont vendus en vrac.\n\nUne sélection de conserves, de biscuits et de thés complète un rayon pensé pour le zéro déchet.',
    themes: ['gastronomie', 'nature']
  },
  {
    slug: 'le-cep-toulousain',
    name: 'Le Cep toulousain',
    category: 'caviste',
    address: '8 rue des Changes, 31000 Toulouse',
    lat: 43.6013,
    lng: 1.4436,
    hours: 'wine',
    summary: 'Cave spécialisée dans les vins du Sud-Ouest : Fronton, Gaillac, Cahors, Madiran et Jurançon.',
    description:
      'Le Cep toulousain défend les appellations du Sud-Ouest, des rouges de négrette de Fronton aux blancs moelleux de Jurançon. Plus de 400 références, souvent issues de petits domaines.\n\nDégustations le samedi après-midi. L’abus d’alcool est dangereux pour la santé, à consommer avec modération.',
    themes: ['gastronomie']
  },
  {
    slug: 'les-vignes-de-la-dalbade',
    name: 'Les Vignes de la Dalbade',
    category: 'caviste',
    address: '19 rue de la Dalbade, 31000 Toulouse',
    lat: 43.5979,
    lng: 1.442,
    hours: 'wine',
    summary: 'Vins nature, spiritueux d’Armagnac et bières artisanales de la région, dans une cave voûtée.',
    description:
      'Sous les voûtes de brique d’un hôtel particulier, une cave tournée vers les vins nature et biodynamiques, les armagnacs de petits producteurs et les bières artisanales d’Occitanie.\n\nAteliers de dégustation un jeudi par mois. À consommer avec modération.',
    themes: ['gastronomie'],
    closedInDays: [9, 10]
  },
  {
    slug: 'cacao-capitole',
    name: 'Cacao Capitole',
    category: 'chocolatier',
    address: '52 rue d’Alsace-Lorraine, 31000 Toulouse',
    lat: 43.604,
    lng: 1.4456,
    hours: 'continuous',
    summary: 'Chocolatier artisan : ganaches, pralinés et les célèbres « briques » de chocolat toulousaines.',
    description:
      'Tout est fabriqué dans l’atelier à l’arrière de la boutique, à partir de fèves sélectionnées. Ganaches parfumées, pralinés à l’ancienne et tablettes d’origine.\n\nLa spécialité maison : la « brique », un praliné croustillant enrobé de chocolat rose, clin d’œil à la ville rose.',
    themes: ['gastronomie'],
    featured: true
  },
  {
    slug: 'violette-et-cacao',
    name: 'Violette & Cacao',
    category: 'chocolatier',
    address: '31 rue de Metz, 31000 Toulouse',
    lat: 43.6006,
    lng: 1.4478,
    hours: 'classicMonday',
    summary: 'Chocolats, violettes cristallisées et confiseries toulousaines, à deux pas du musée des Augustins.',
    description:
      'Une confiserie-chocolaterie où la violette de Toulouse est reine : fleurs cristallisées, bonbons, pâtes de fruits et chocolats à la violette.\n\nLes coffrets en métal illustrés de monuments toulousains font d’excellents souvenirs.',
    themes: ['gastronomie', 'artisanat']
  },
  {
    slug: 'boucherie-du-cassoulet',
    name: 'La Boucherie du cassoulet',
    category: 'boucherie',
    address: '9 place Victor-Hugo, 31000 Toulouse',
    lat: 43.6055,
    lng: 1.4482,
    hours: 'freshFood',
    summary: 'Saucisse de Toulouse maison, confits et viandes du Sud-Ouest : tout pour réussir le cassoulet.',
    description:
      'Boucherie-charcuterie familiale, réputée pour sa saucisse de Toulouse pur porc, hachée gros au couteau. Les confits de canard et la couenne sont préparés sur place.\n\nKit cassoulet pour quatre ou huit personnes, avec les haricots lingots et la recette de la maison.',
    themes: ['gastronomie', 'marches']
  },
  {
    slug: 'le-panier-des-carmes',
    name: 'Le Panier des Carmes',
    category: 'primeur',
    address: '2 place des Carmes, 31000 Toulouse',
    lat: 43.5982,
    lng: 1.4449,
    hours: 'freshFood',
    summary: 'Fruits et légumes de saison des maraîchers de la région, ail violet de Cadours et melons de Lectoure.',
    description:
      'Le Panier des Carmes travaille en circuit court avec les maraîchers de la vallée de la Garonne. Les étals changent au fil des saisons.\n\nPaniers hebdomadaires sur abonnement, à retirer en boutique.',
    themes: ['marches', 'gastronomie', 'nature']
  },
  {
    slug: 'petales-et-briques',
    name: 'Pétales & Briques',
    category: 'fleuriste',
    address: '15 rue de la Pomme, 31000 Toulouse',
    lat: 43.6035,
    lng: 1.4463,
    hours: 'florist',
    summary: 'Fleuriste aux bouquets champêtres, fleurs de saison cultivées en Occitanie et plantes d’intérieur.',
    description:
      'Les bouquets de Pétales & Briques ont un air de jardin : fleurs de saison, feuillages et graminées, cultivés autant que possible par des horticulteurs de la région.\n\nBouquet du jour composé chaque matin ; compositions pour événements sur rendez-vous.',
    themes: ['nature'],
    featured: true,
    // Bouquets take time; the shop also delivers across the city centre.
    slots: { slotMinutes: 30, slotCapacity: 3, prepMinutes: 60 },
    delivery: { postcodes: ['31000', '31300', '31400', '31500'], feeCents: 590 }
  },
  {
    slug: 'atelier-des-violettes',
    name: 'L’Atelier des violettes',
    category: 'fleuriste',
    address: '26 rue Léon-Gambetta, 31000 Toulouse',
    lat: 43.6034,
    lng: 1.4422,
    hours: 'florist',
    summary: 'Fleuriste et pépinière urbaine : violettes de Toulouse en pot, plantes aromatiques et fleurs séchées.',
    description:
      'Une boutique-jardin où l’on trouve la violette de Toulouse en pot, des aromatiques pour le balcon et de jolies compositions de fleurs séchées.\n\nAteliers de composition florale le samedi matin.',
    themes: ['nature', 'artisanat']
  },
  {
    slug: 'atelier-garonne',
    name: 'Atelier Garonne',
    category: 'mode',
    address: '37 rue Saint-Rome, 31000 Toulouse',
    lat: 43.6025,
    lng: 1.4431,
    hours: 'fashion',
    summary: 'Prêt-à-porter homme et femme fabriqué en France, coupes simples et matières durables.',
    description:
      'Atelier Garonne sélectionne des marques qui fabriquent en France et en Europe : chemises en coton bio, pulls en laine des Pyrénées, vestes de travail revisitées.\n\nRetouches offertes sur les pantalons.',
    themes: ['mode'],
    featured: true
  },
  {
    slug: 'maison-pastel',
    name: 'Maison Pastel',
    category: 'mode',
    address: '6 rue Croix-Baragnon, 31000 Toulouse',
    lat: 43.6,
    lng: 1.4471,
    hours: 'classic',
    summary: 'Vêtements et accessoires teints au pastel, le bleu historique de Toulouse.',
    description:
      'Le pastel fit la fortune de Toulouse au XVIᵉ siècle. Maison Pastel remet ce bleu à l’honneur sur des vêtements en lin et en coton, teints à la main dans la région.\n\nChaque pièce est unique : les nuances varient d’un bain de teinture à l’autre.',
    themes: ['mode', 'artisanat', 'patrimoine']
  },
  {
    slug: 'fripes-et-capitouls',
    name: 'Fripes & Capitouls',
    category: 'mode',
    address: '11 rue Peyrolières, 31000 Toulouse',
    lat: 43.6018,
    lng: 1.4409,
    hours: 'classicMonday',
    summary: 'Friperie sélective : vestes en cuir, robes vintage, maillots de rugby d’époque et accessoires.',
    description:
      'Une friperie où chaque pièce est choisie, nettoyée et réparée si besoin. Vestes en cuir des années 1970, robes fleuries, jeans usés juste ce qu’il faut.\n\nLe coin des maillots de rugby anciens fait le bonheur des supporters.',
    themes: ['mode', 'sport']
  },
  {
    slug: 'le-pas-toulousain',
    name: 'Le Pas toulousain',
    category: 'chaussures',
    address: '64 rue d’Alsace-Lorraine, 31000 Toulouse',
    lat: 43.603,
    lng: 1.4455,
    hours: 'fashion',
    summary: 'Chaussures de ville et baskets de marques européennes, espadrilles fabriquées dans les Pyrénées.',
    description:
      'Le Pas toulousain propose des chaussures solides et réparables : derbies cousus, bottines en cuir, baskets en matières recyclées.\n\nL’été, place aux espadrilles de Mauléon, fabriquées de l’autre côté des Pyrénées… ou presque.',
    themes: ['mode']
  },
  {
    slug: 'or-rose',
    name: 'Or rose',
    category: 'bijouterie',
    address: '21 rue des Changes, 31000 Toulouse',
    lat: 43.6017,
    lng: 1.4435,
    hours: 'classic',
    summary: 'Créatrice de bijoux en argent et or recyclés, alliances sur mesure et pièces inspirées de la ville rose.',
    description:
      'Dans son atelier-boutique, la créatrice façonne bagues, colliers et boucles d’oreilles en métaux recyclés. Sa collection « Croix occitane » est devenue un classique.\n\nAlliances et bagues de fiançailles sur rendez-vous.',
    themes: ['mode', 'artisanat']
  },
  {
    slug: 'ecrin-du-pont-neuf',
    name: 'L’Écrin du Pont-Neuf',
    category: 'bijouterie',
    address: '4 rue de Metz, 31000 Toulouse',
    lat: 43.6003,
    lng: 1.4418,
    hours: 'classic',
    summary: 'Bijouterie et horlogerie : bijoux anciens restaurés, montres et réparations en atelier.',
    description:
      'L’Écrin du Pont-Neuf chine et restaure des bijoux anciens, de la Belle Époque aux années 1960. L’horloger de la maison répare montres et pendules.\n\nEstimation gratuite de vos bijoux sur rendez-vous.',
    themes: ['mode', 'artisanat'],
    closedInDays: [3]
  },
  {
    slug: 'terre-et-brique',
    name: 'Terre & Brique',
    category: 'artisanat',
    address: '45 rue Pharaon, 31000 Toulouse',
    lat: 43.5963,
    lng: 1.4441,
    hours: 'workshop',
    summary: 'Atelier de céramique : vaisselle en grès, vases et carreaux émaillés façonnés sur place.',
    description:
      'Deux céramistes partagent cet atelier ouvert sur la rue. Bols, assiettes et tasses en grès, émaillés dans des tons de brique, de Garonne et de pastel.\n\nCours d’initiation au tournage le samedi matin, sur réservation.',
    themes: ['artisanat']
  },
  {
    slug: 'atelier-du-bleu-pastel',
    name: 'L’Atelier du bleu pastel',
    category: 'artisanat',
    address: '30 rue des Filatiers, 31000 Toulouse',
    lat: 43.5986,
    lng: 1.444,
    hours: 'workshop',
    summary: 'Teinturerie artisanale au pastel : foulards, coussins, pigments et cocagnes pour les curieux.',
    description:
      'On teint ici à l’ancienne, avec le pastel cultivé dans le Lauragais. Foulards en soie, coussins en lin, pigments pour les artistes et cocagnes, ces boules de feuilles séchées qui donnèrent son nom au « pays de Cocagne ».\n\nDémonstrations de teinture le samedi.',
    themes: ['artisanat', 'mode', 'patrimoine']
  },
  {
    slug: 'maison-capitoul',
    name: 'Maison Capitoul',
    category: 'deco',
    address: '22 rue Croix-Baragnon, 31000 Toulouse',
    lat: 43.6002,
    lng: 1.4488,
    hours: 'classicMonday',
    summary: 'Décoration et art de la table : linge de maison, vaisselle et petits meubles de créateurs du Sud-Ouest.',
    description:
      'Maison Capitoul rassemble le meilleur des créateurs du Sud-Ouest pour la maison : linge basque, verrerie, luminaires et petits meubles en bois massif.\n\nListe de mariage et emballages cadeaux offerts.',
    themes: ['artisanat']
  },
  {
    slug: 'lumieres-d-occitanie',
    name: 'Lumières d’Occitanie',
    category: 'deco',
    address: '27 rue de la Pomme, 31000 Toulouse',
    lat: 43.6036,
    lng: 1.4468,
    hours: 'classic',
    summary: 'Bougies coulées à la main, senteurs de violette et d’iris, affiches et gravures de Toulouse.',
    description:
      'Une boutique parfumée où l’on trouve bougies artisanales, diffuseurs et savons, mais aussi affiches sérigraphiées et gravures de monuments toulousains.\n\nLes bougies sont coulées dans un atelier de la région, à la cire végétale.',
    themes: ['artisanat']
  },
  {
    slug: 'sillons-du-taur',
    name: 'Sillons du Taur',
    category: 'disquaire',
    address: '48 rue du Taur, 31000 Toulouse',
    lat: 43.6074,
    lng: 1.4425,
    hours: 'classic',
    summary: 'Disquaire indépendant : vinyles neufs et d’occasion, jazz, chanson française, classique et platines.',
    description:
      'Des bacs à perte de vue : jazz, rock, chanson française, musique classique et opéra, neufs ou d’occasion. Un rayon entier est consacré aux artistes toulousains, de Nougaro à la scène actuelle.\n\nRachat de vinyles sur rendez-vous ; écoute sur place bienvenue.',
    themes: ['concerts', 'opera']
  },
  {
    slug: 'le-coffre-a-jouets',
    name: 'Le Coffre à jouets',
    category: 'jouets',
    address: '40 rue Léon-Gambetta, 31000 Toulouse',
    lat: 43.6038,
    lng: 1.4417,
    hours: 'classicMonday',
    summary: 'Jouets en bois, jeux de société et jeux de construction, choisis pour durer.',
    description:
      'Le Coffre à jouets privilégie les jouets solides et les fabricants européens : jouets en bois, jeux d’éveil, puzzles et une large sélection de jeux de société.\n\nSoirées jeux le premier vendredi du mois pour tester les nouveautés.',
    themes: ['famille']
  },
  {
    slug: 'les-petits-capitouls',
    name: 'Les Petits Capitouls',
    category: 'jouets',
    address: '7 rue Saint-Rome, 31000 Toulouse',
    lat: 43.6037,
    lng: 1.4434,
    hours: 'continuous',
    summary: 'Jouets, peluches et loisirs créatifs pour les 0-12 ans, à deux pas de la place du Capitole.',
    description:
      'Peluches, jeux d’imitation, kits créatifs et livres-jeux : une boutique colorée où les enfants ont le droit de toucher.\n\nListe de naissance et paquets cadeaux faits avec soin.',
    themes: ['famille', 'artisanat']
  },
  {
    slug: 'melee-sport',
    name: 'Mêlée Sport',
    category: 'sport',
    address: '58 rue de Metz, 31000 Toulouse',
    lat: 43.6007,
    lng: 1.4492,
    hours: 'continuous',
    summary: 'Rugby, course à pied et randonnée : équipement et conseils de passionnés.',
    description:
      'Mêlée Sport équipe les joueurs de rugby de l’école de rugby aux vétérans, les coureurs du dimanche et les randonneurs des Pyrénées.\n\nAnalyse de foulée gratuite avant l’achat de chaussures de course.',
    themes: ['sport']
  },
  {
    slug: 'savonnerie-des-changes',
    name: 'Savonnerie des Changes',
    category: 'beaute',
    address: '30 rue des Changes, 31000 Toulouse',
    lat: 43.6021,
    lng: 1.4434,
    hours: 'continuous',
    summary: 'Savons saponifiés à froid, cosmétiques naturels et eaux parfumées à la violette.',
    description:
      'Tous les savons sont fabriqués en Occitanie par saponification à froid, avec des huiles végétales et des ingrédients simples.\n\nLa gamme « Violette de Toulouse » est le souvenir préféré des visiteurs.',
    themes: ['artisanat', 'nature']
  },
  {
    slug: 'encre-et-brique',
    name: 'Encre & Brique',
    category: 'papeterie',
    address: '16 rue des Filatiers, 31000 Toulouse',
    lat: 43.5995,
    lng: 1.4434,
    hours: 'classic',
    summary: 'Papeterie d’art : carnets reliés main, stylos plume, encres et papiers du monde entier.',
    description:
      'Encre & Brique s’adresse aux amoureux de l’écriture : carnets reliés à la main dans l’atelier, stylos plume, encres de couleur et papiers japonais.\n\nAteliers de calligraphie et de reliure un samedi par mois.',
    themes: ['librairies', 'artisanat']
  },
  {
    slug: 'le-carnet-rose',
    name: 'Le Carnet rose',
    category: 'papeterie',
    address: '3 rue Boulbonne, 31000 Toulouse',
    lat: 43.6012,
    lng: 1.4474,
    hours: 'continuous',
    summary: 'Papeterie et fournitures créatives : agendas, cartes illustrées, matériel de dessin et rentrée scolaire.',
    description:
      'Cartes illustrées par des artistes toulousains, agendas, carnets de voyage et tout le matériel de dessin pour les petits et les grands.\n\nListes de rentrée préparées sur commande.',
    themes: ['librairies', 'famille']
  },
  {
    slug: 'torrefaction-des-carmes',
    name: 'Torréfaction des Carmes',
    category: 'cafe',
    address: '8 rue Pharaon, 31000 Toulouse',
    lat: 43.5975,
    lng: 1.4443,
    hours: 'cafe',
    summary: 'Cafés de spécialité torréfiés sur place chaque semaine, moulus à la demande.',
    description:
      'L’odeur du café torréfié vous guide jusqu’à la boutique. Cafés d’origine et assemblages maison sont torréfiés chaque semaine dans le petit torréfacteur visible depuis la rue.\n\nMouture adaptée à votre cafetière, et quelques tables pour déguster un expresso.',
    themes: ['gastronomie']
  },
  {
    slug: 'maison-de-the-de-la-daurade',
    name: 'Maison de thé de la Daurade',
    category: 'cafe',
    address: '35 rue Peyrolières, 31000 Toulouse',
    lat: 43.6023,
    lng: 1.4401,
    hours: 'cafe',
    summary: 'Thés en vrac, infusions de plantes d’Occitanie et théières en fonte, près du quai de la Daurade.',
    description:
      'Plus de cent thés en vrac, du sencha japonais au thé noir fumé, et des infusions de plantes cueillies dans les Pyrénées.\n\nLe salon de thé à l’arrière de la boutique sert pâtisseries maison et thés glacés l’été.',
    themes: ['gastronomie']
  },
  {
    slug: 'velos-de-la-brique',
    name: 'Vélos de la Brique',
    category: 'sport',
    address: '12 rue du Languedoc, 31000 Toulouse',
    lat: 43.599,
    lng: 1.446,
    hours: 'continuous',
    summary: 'Atelier de réparation et vente de vélos reconditionnés (inscription en attente de validation).',
    description: 'Vélos de ville reconditionnés, accessoires et réparations rapides.',
    themes: ['sport'],
    status: 'pending'
  },
  {
    slug: 'la-fabrique-a-bougies',
    name: 'La Fabrique à bougies',
    category: 'artisanat',
    address: '9 rue Peyrolières, 31000 Toulouse',
    lat: 43.6008,
    lng: 1.4409,
    hours: 'continuous',
    summary: 'Bougies coulées à la main à la cire de colza, parfums de violette et de figue (inscription en attente de validation).',
    description: 'Un atelier-boutique de bougies et fondants parfumés, coulés chaque semaine à Toulouse.',
    themes: ['artisanat'],
    status: 'pending'
  },
  {
    slug: 'le-comptoir-des-epices',
    name: 'Le Comptoir des épices',
    category: 'epicerie',
    address: '31 rue des Filatiers, 31000 Toulouse',
    lat: 43.5996,
    lng: 1.4442,
    hours: 'continuous',
    summary: 'Épices du monde en vrac, mélanges maison et thés (inscription en attente de validation).',
    description: 'Épices entières et moulues, mélanges composés sur place, sels et poivres rares.',
    themes: ['gastronomie'],
    status: 'pending'
  }
];
