import type { EditorialSeed } from './types';

/** Plausible city news, published a few days before the seeding moment. */
export const newsSeeds: EditorialSeed[] = [
  {
    title: 'Une nouvelle piste cyclable rue de Metz',
    summary: 'Une piste cyclable bidirectionnelle relie désormais le Pont Neuf aux allées Jules-Guesde par la rue de Metz.',
    body: [
      'Après plusieurs semaines de travaux, la rue de Metz accueille une piste cyclable séparée de la circulation, du Pont Neuf jusqu’aux allées Jules-Guesde. Elle complète l’axe vélo est-ouest du centre-ville.',
      'Une trentaine d’arceaux de stationnement ont été ajoutés aux abords du musée des Augustins et de la place Esquirol.'
    ],
    place: 'esquirol',
    themes: ['sport', 'balades'],
    daysAgo: 2,
    featured: true
  },
  {
    title: 'Marché Victor-Hugo : ouverture prolongée le dimanche',
    summary: 'À l’essai pour trois mois, le marché couvert reste ouvert jusqu’à 14 h le dimanche.',
    body: [
      'À la demande des commerçants comme des clients, le marché Victor-Hugo fermera ses portes à 14 h au lieu de 13 h le dimanche, pendant trois mois d’essai.',
      'Les horaires restent inchangés en semaine : du mardi au samedi de 7 h à 13 h 30. Le bilan sera fait avec l’association des commerçants.'
    ],
    place: 'victorHugo',
    themes: ['marches', 'gastronomie'],
    daysAgo: 4
  },
  {
    title: 'Illuminations de fin d’année : la ville passe aux LED',
    summary: 'Les décorations lumineuses du centre consommeront deux fois moins d’électricité grâce à de nouvelles guirlandes.',
    body: [
      'La ville a voté le remplacement de ses anciennes guirlandes par des modèles à LED, plus sobres. Les illuminations de la rue d’Alsace-Lorraine et de la place du Capitole seront les premières concernées.',
      'Les horaires d’allumage seront réduits en milieu de nuit, et la programmation d’un spectacle de lumières sur la façade du Capitole est à l’étude.'
    ],
    place: 'placeCapitole',
    themes: ['vie-nocturne', 'famille'],
    daysAgo: 6
  },
  {
    title: 'Travaux sur le Pont Neuf : circulation alternée la nuit',
    summary: 'Des travaux d’entretien des garde-corps imposent une circulation alternée sur le Pont Neuf de 21 h à 6 h.',
    body: [
      'Pendant trois semaines, les équipes de la ville restaurent les garde-corps et l’éclairage du Pont Neuf. Les travaux ont lieu de nuit pour limiter la gêne.',
      'Les piétons et cyclistes peuvent toujours traverser ; les bus sont déviés par le pont Saint-Pierre.'
    ],
    place: 'pontNeuf',
    themes: ['patrimoine'],
    daysAgo: 1
  },
  {
    title: 'La médiathèque José-Cabanis ouvre le dimanche',
    summary: 'Dès ce mois-ci, la grande médiathèque de la ville accueille le public le dimanche après-midi.',
    body: [
      'La médiathèque José-Cabanis ouvrira désormais de 14 h à 18 h le dimanche. Prêt, retour, espaces de travail et coin jeunesse seront accessibles.',
      'Des lectures pour les enfants et des ateliers numériques seront proposés un dimanche sur deux.'
    ],
    place: 'cabanis',
    themes: ['librairies', 'famille'],
    daysAgo: 9
  },
  {
    title: 'La navette gratuite du centre-ville passe à l’électrique',
    summary: 'Silencieuse et accessible, la nouvelle navette électrique relie les principaux marchés et places du centre.',
    body: [
      'La navette gratuite qui sillonne le centre historique est désormais 100 % électrique. Elle dessert notamment les marchés Victor-Hugo et des Carmes, la place du Capitole et la cathédrale Saint-Étienne.',
      'Un passage toutes les dix minutes environ, du lundi au samedi. Les véhicules sont accessibles aux fauteuils roulants et aux poussettes.'
    ],
    place: 'placeCapitole',
    themes: ['marches', 'famille'],
    daysAgo: 12
  },
  {
    title: 'Compost : des bacs de collecte sur les marchés',
    summary: 'Les épluchures peuvent désormais être déposées dans des bacs de compostage sur les marchés de plein vent.',
    body: [
      'Les marchés de plein vent du centre-ville, dont celui du boulevard de Strasbourg et de Saint-Aubin, accueillent des bacs de collecte des déchets alimentaires.',
      'Le compost produit servira à l’entretien des jardins publics de la ville. Des bioseaux sont distribués gratuitement aux habitants qui en font la demande.'
    ],
    place: 'carmes',
    themes: ['marches', 'nature'],
    daysAgo: 15
  },
  {
    title: 'Un sentier nature sur les berges de la Garonne',
    summary: 'Un nouveau sentier balisé longe la Garonne de la Prairie des Filtres jusqu’à l’île du Ramier.',
    body: [
      'Des panneaux présentent la faune et la flore des berges : hérons cendrés, martins-pêcheurs, saules et peupliers noirs. Le sentier est accessible aux poussettes sur la plus grande partie du parcours.',
      'Des sorties commentées par les guides du Muséum seront proposées un samedi par mois.'
    ],
    place: 'prairieFiltres',
    themes: ['nature', 'balades', 'famille'],
    daysAgo: 20
  },
  {
    title: 'Le Stade Toulousain ouvre ses portes aux familles',
    summary: 'Entraînement public, séances de dédicaces et initiation au rugby pour les enfants à Ernest-Wallon.',
    body: [
      'Le club ouvrira les portes d’Ernest-Wallon un mercredi après-midi pour un entraînement public de l’équipe première, suivi de dédicaces.',
      'Les éducateurs de l’école de rugby proposeront des ateliers de découverte pour les 5-12 ans. Entrée gratuite sur inscription.'
    ],
    place: 'ernestWallon',
    themes: ['sport', 'famille'],
    daysAgo: 7
  },
  {
    title: 'Quinzaine des commerces du centre-ville',
    summary: 'Animations, remises et click & collect : les commerçants indépendants du centre se mobilisent pendant deux semaines.',
    body: [
      'Pendant quinze jours, les boutiques indépendantes du centre proposent offres spéciales, ateliers et dégustations. Une carte des commerces participants est disponible dans l’application.',
      'La plupart des commerçants proposent le retrait en boutique : on réserve en ligne, on passe chercher ses achats quand on veut.'
    ],
    place: 'placeCapitole',
    themes: ['mode', 'artisanat', 'gastronomie'],
    daysAgo: 3,
    featured: true
  },
  {
    title: 'Festival « Lumières sur la Garonne » : les quais fermés aux voitures',
    summary: 'Les quais de la Daurade et de Tounis seront piétons pendant les trois soirées du festival.',
    body: [
      'Pendant le festival, la circulation automobile sera interdite sur les quais à partir de 19 h. Les lignes de bus seront déviées et des parcs à vélos temporaires installés place de la Daurade.',
      'La ville recommande de venir en métro, station Esquirol ou Capitole.'
    ],
    place: 'quaiDaurade',
    themes: ['vie-nocturne', 'expositions'],
    daysAgo: 5
  },
  {
    title: 'Plan vélo : 300 arceaux de stationnement supplémentaires',
    summary: 'Trois cents nouveaux arceaux vélos sont installés dans les rues piétonnes et près des marchés.',
    body: [
      'Les nouveaux arceaux sont répartis entre les abords des marchés, les places du centre et les rues commerçantes, où le stationnement des vélos était souvent anarchique.',
      'Un box sécurisé sera également ouvert près de la station Jean-Jaurès, accessible avec la carte de transport.'
    ],
    place: 'placeWilson',
    themes: ['sport'],
    daysAgo: 25
  },
  {
    title: 'Marché de nuit aux Carmes (en préparation)',
    summary: 'Projet d’un marché nocturne mensuel place des Carmes : article en cours de rédaction.',
    body: ['Article en cours de rédaction.'],
    place: 'carmes',
    themes: ['marches'],
    daysAgo: 0,
    draft: true
  }
];
