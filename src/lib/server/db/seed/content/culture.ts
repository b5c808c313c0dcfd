import type { EditorialSeed } from './types';

/** Museums, theatres and cultural venues. */
export const cultureSeeds: EditorialSeed[] = [
  {
    title: 'Musée des Augustins',
    summary: 'Le musée des Beaux-Arts de Toulouse, installé dans un ancien couvent gothique, célèbre pour sa sculpture romane.',
    body: [
      'Créé pendant la Révolution et ouvert au public en 1795, le musée des Augustins est l’un des plus anciens musées de France. Il occupe le couvent des ermites de Saint-Augustin, bâti aux XIVᵉ et XVᵉ siècles.',
      'Sa collection de sculpture romane, venue de Saint-Sernin, de la Daurade et de Saint-Étienne, est exceptionnelle. Les peintures vont du Moyen Âge au début du XXᵉ siècle, de Rubens à Delacroix et Toulouse-Lautrec.',
      'Dans le grand cloître, un jardin de simples et une étonnante collection de gargouilles attendent les visiteurs.'
    ],
    place: 'augustins',
    price: 'De 5 à 8 €, gratuit le premier dimanche du mois',
    themes: ['musees', 'patrimoine'],
    featured: true
  },
  {
    title: 'Les Abattoirs, musée d’art moderne et contemporain',
    summary: 'D’anciens abattoirs du XIXᵉ siècle devenus musée d’art moderne et contemporain, au bord de la Garonne.',
    body: [
      'Construits entre 1828 et 1831 par l’architecte Urbain Vitry, les abattoirs de la ville ont été transformés en musée et inaugurés en 2000. La grande nef de brique accueille aujourd’hui peintures, installations et vidéos.',
      'La pièce phare de la collection est le rideau de scène monumental peint d’après Picasso pour la pièce Le 14 Juillet de Romain Rolland en 1936, présenté seulement une partie de l’année pour des raisons de conservation.',
      'Le musée est prolongé par le jardin Raymond VI, idéal pour une pause.'
    ],
    place: 'abattoirs',
    price: 'De 7 à 9 €',
    themes: ['musees', 'expositions']
  },
  {
    title: 'Fondation Bemberg',
    summary: 'Une collection privée d’exception, de la Renaissance à Bonnard, dans l’hôtel d’Assézat.',
    body: [
      'Collectionneur passionné, Georges Bemberg a réuni pendant des décennies peintures, bronzes et objets d’art, qu’il a confiés à une fondation installée dans l’hôtel d’Assézat en 1995.',
      'On y admire Cranach, Canaletto, Monet, Pissarro, Matisse et surtout un remarquable ensemble d’œuvres de Pierre Bonnard. Les salles à taille humaine donnent l’impression de visiter une demeure de collectionneur.'
    ],
    place: 'assezat',
    price: 'De 7 à 12 €',
    themes: ['musees', 'patrimoine']
  },
  {
    title: 'Musée Saint-Raymond',
    summary: 'Le musée d’archéologie de Toulouse et ses portraits d’empereurs romains de la villa de Chiragan.',
    body: [
      'Face à la basilique Saint-Sernin, le musée Saint-Raymond occupe un collège universitaire du XVIᵉ siècle. Il raconte l’histoire de Toulouse et de sa région de la Préhistoire au haut Moyen Âge.',
      'Son trésor : les sculptures de la villa romaine de Chiragan, à Martres-Tolosane, avec une galerie de portraits impériaux et les célèbres reliefs des travaux d’Hercule.',
      'Au sous-sol, les vestiges d’une nécropole paléochrétienne rappellent l’ancienneté du quartier.'
    ],
    place: 'saintRaymond',
    price: 'De 3 à 5 €',
    themes: ['musees', 'patrimoine']
  },
  {
    title: 'Muséum de Toulouse',
    summary: 'L’un des plus riches muséums d’histoire naturelle de France, entre squelettes géants et jardins.',
    body: [
      'Fondé à la fin du XVIIIᵉ siècle, le Muséum de Toulouse a rouvert en 2008 après une rénovation complète. Ses collections, parmi les plus riches de France, vont des minéraux aux grands mammifères.',
      'Le parcours invite à réfléchir aux liens entre l’homme et la nature. Les enfants adorent les squelettes géants et les ateliers du week-end.',
      'Le Muséum donne directement sur le Jardin des Plantes ; ses jardins potagers de Borderouge complètent la visite.'
    ],
    place: 'museum',
    price: 'De 7 à 9 €, gratuit pour les moins de 18 ans',
    themes: ['musees', 'sciences', 'famille']
  },
  {
    title: 'Musée Paul-Dupuy',
    summary: 'Horloges, automates, faïences et une pharmacie du XVIIIᵉ siècle : le musée des arts précieux.',
    body: [
      'Le collectionneur Paul Dupuy légua à la ville ses trésors, installés dans un hôtel particulier du XVIIᵉ siècle, rue de la Pleau.',
      'Le musée est réputé pour sa collection d’horlogerie et d’instruments scientifiques, l’une des plus belles d’Europe, et pour la pharmacie du collège des Jésuites, reconstituée avec ses pots de faïence.'
    ],
    place: 'paulDupuy',
    price: 'De 3 à 5 €',
    themes: ['musees', 'artisanat']
  },
  {
    title: 'Le Château d’Eau, galerie de photographie',
    summary: 'Un château d’eau de 1822 devenu l’une des premières galeries publiques dédiées à la photographie.',
    body: [
      'Édifié en 1822 pour alimenter les fontaines de la ville en eau filtrée de la Garonne, ce château d’eau de brique rouge a trouvé une seconde vie en 1974.',
      'À l’initiative du photographe Jean Dieuzaide, il devient alors l’une des premières galeries publiques consacrées à la photographie en France. Expositions sous la salle ronde et dans l’ancienne tour, centre de documentation au pied de l’édifice.'
    ],
    place: 'chateauEau',
    price: '4 €',
    themes: ['expositions', 'patrimoine']
  },
  {
    title: 'Cinémathèque de Toulouse',
    summary: 'Des collections de films parmi les plus riches de France, et une programmation de classiques toute l’année.',
    body: [
      'Fondée dans les années 1960 par le critique Raymond Borde, la Cinémathèque de Toulouse conserve des dizaines de milliers de copies de films, d’affiches et de photographies.',
      'Rue du Taur, ses deux salles programment rétrospectives, ciné-concerts et films restaurés. La bibliothèque est ouverte à tous les curieux du septième art.'
    ],
    place: 'cinematheque',
    price: '7 €, 5 € tarif réduit',
    themes: ['cinema']
  },
  {
    title: 'Théâtre du Capitole',
    summary: 'L’opéra de Toulouse, installé dans le Capitole, maison de l’orchestre et du ballet du Capitole.',
    body: [
      'Un théâtre existe au sein du Capitole depuis le XVIIIᵉ siècle. Plusieurs fois reconstruite, la salle actuelle, rouge et or, compte un peu plus de mille places.',
      'L’opéra présente chaque saison une dizaine de productions lyriques et les spectacles du Ballet du Capitole. Les places les moins chères, au paradis, permettent à tous de découvrir l’opéra.'
    ],
    place: 'theatreCapitole',
    price: 'De 10 à 95 €',
    themes: ['opera', 'theatre'],
    featured: true
  },
  {
    title: 'Théâtre Garonne',
    summary: 'Une scène européenne de création installée dans d’anciens bâtiments industriels au bord du fleuve.',
    body: [
      'Sur la rive gauche, à deux pas des Abattoirs, le Théâtre Garonne occupe d’anciens bâtiments du service des eaux de la ville. Brique, métal et hauts volumes donnent leur caractère aux salles.',
      'Sa programmation fait la part belle aux créations contemporaines françaises et européennes, en théâtre comme en danse.'
    ],
    place: 'theatreGaronne',
    price: 'De 10 à 22 €',
    themes: ['theatre']
  },
  {
    title: 'Théâtre Sorano',
    summary: 'Un théâtre à taille humaine sur les allées Jules-Guesde, tourné vers la jeune création.',
    body: [
      'Sur les allées Jules-Guesde, le Théâtre Sorano porte le nom du comédien Daniel Sorano, figure de la décentralisation théâtrale à Toulouse après la guerre.',
      'Sa salle accueille théâtre, seul-en-scène et spectacles jeune public, avec des tarifs parmi les plus doux de la ville.'
    ],
    place: 'sorano',
    price: 'De 8 à 24 €',
    themes: ['theatre', 'famille']
  },
  {
    title: 'Théâtre de la Cité',
    summary: 'Le centre dramatique national de Toulouse, ses deux salles et sa troupe permanente.',
    body: [
      'Près de la médiathèque José-Cabanis, le Théâtre de la Cité est le grand théâtre public de la ville. Il accueille des metteurs en scène de renom et soutient les compagnies de la région.',
      'Ses deux salles permettent aussi bien les grandes productions que les formes plus intimes. Le bar du hall est un lieu de rencontre animé les soirs de spectacle.'
    ],
    place: 'theatreCite',
    price: 'De 10 à 28 €',
    themes: ['theatre']
  },
  {
    title: 'Musée Georges-Labit',
    summary: 'Arts d’Asie et antiquités égyptiennes dans une villa néo-mauresque au bord du canal du Midi.',
    body: [
      'Grand voyageur, Georges Labit fit construire en 1893 une villa d’inspiration mauresque pour y exposer les objets rapportés d’Asie. Mort jeune, il laissa une collection que la ville transforma en musée.',
      'Bouddhas, estampes japonaises, textiles et une belle section d’antiquités égyptiennes se découvrent dans un cadre intime, entouré d’un jardin planté d’essences exotiques.'
    ],
    place: 'labit',
    price: 'De 3 à 5 €',
    themes: ['musees']
  },
  {
    title: 'Quai des Savoirs',
    summary: 'Le lieu de la culture scientifique toulousaine : expositions interactives et espace pour les petits.',
    body: [
      'Installé dans l’ancienne faculté des sciences, un bel édifice de la fin du XIXᵉ siècle, le Quai des Savoirs présente des expositions interactives sur les sciences et les techniques.',
      'Le Quai des petits accueille les 2-7 ans dans un espace où l’on apprend en jouant. Toulouse étant la capitale de l’aéronautique et du spatial, l’espace y tient souvent la vedette.'
    ],
    place: 'quaiSavoirs',
    price: 'De 5 à 8 €',
    themes: ['sciences', 'famille', 'expositions']
  },
  {
    title: 'Bibliothèque d’Étude et du Patrimoine',
    summary: 'Manuscrits, livres anciens et expositions : la mémoire écrite de Toulouse, ouverte à tous.',
    body: [
      'La Bibliothèque d’Étude et du Patrimoine conserve les fonds les plus précieux des bibliothèques de Toulouse : manuscrits médiévaux, incunables, estampes et archives photographiques.',
      'Sa salle de lecture est ouverte à tous sur inscription gratuite, et des expositions régulières présentent les trésors de ses réserves.'
    ],
    place: 'bep',
    price: 'Gratuit',
    themes: ['librairies', 'patrimoine']
  },
  {
    title: 'Musée du Vieux Toulouse',
    summary: 'L’histoire de la ville racontée par ses habitants, dans un hôtel particulier du XVIᵉ siècle.',
    body: [
      'Rue du May, l’hôtel Dumay abrite les collections réunies par l’association des Toulousains de Toulouse : peintures, faïences, costumes et souvenirs de la vie quotidienne d’autrefois.',
      'Une plongée attachante dans la mémoire de la ville, des capitouls aux grandes crues de la Garonne.'
    ],
    place: 'vieuxToulouse',
    price: '5 €',
    themes: ['musees', 'patrimoine']
  }
];
