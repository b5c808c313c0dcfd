import type { EditorialSeed } from './types';

/** Parks, walks and outings. */
export const leisureSeeds: EditorialSeed[] = [
  {
    title: 'Le Jardin des Plantes',
    summary: 'Le grand jardin des familles toulousaines : manèges, canards, grands arbres et le Muséum en prime.',
    body: [
      'Aménagé à la fin du XVIIIᵉ siècle comme jardin botanique, le Jardin des Plantes est devenu le parc préféré des familles. Allées ombragées, bassins, aires de jeux et petits manèges s’y succèdent.',
      'Il communique avec le Jardin Royal et le Grand Rond par une passerelle : on peut enchaîner les trois jardins en une seule promenade.'
    ],
    place: 'jardinPlantes',
    price: 'Gratuit',
    themes: ['nature', 'famille'],
    featured: true
  },
  {
    title: 'Le Jardin Japonais Pierre Baudis',
    summary: 'Pont rouge, pavillon de thé et jardin sec : un petit coin de Kyoto au cœur du quartier Compans-Caffarelli.',
    body: [
      'Créé au début des années 1980 à l’initiative du maire Pierre Baudis, ce jardin s’inspire des jardins de promenade de Kyoto. Un pont rouge enjambe le bassin où nagent les carpes koï.',
      'Le jardin sec, son pavillon de thé et ses érables font de chaque saison un spectacle différent. Un lieu idéal pour lire au calme.'
    ],
    place: 'jardinJaponais',
    price: 'Gratuit',
    themes: ['nature']
  },
  {
    title: 'La Prairie des Filtres',
    summary: 'La grande pelouse au bord de la Garonne, rendez-vous des pique-niques, des festivals et des couchers de soleil.',
    body: [
      'La Prairie des Filtres doit son nom aux galeries filtrantes aménagées au XIXᵉ siècle pour purifier l’eau de la Garonne avant de la distribuer dans les fontaines de la ville.',
      'Aujourd’hui, on y vient lézarder, jouer au ballon ou assister aux concerts et festivals d’été. La vue sur le Pont Neuf et le dôme de la Grave est superbe.'
    ],
    place: 'prairieFiltres',
    price: 'Gratuit',
    themes: ['nature', 'famille', 'vie-nocturne']
  },
  {
    title: 'Le jardin Raymond VI',
    summary: 'Un jardin paisible au pied des Abattoirs, avec vue sur la Garonne et les toits de la rive droite.',
    body: [
      'Ce jardin en terrasse, nommé d’après le comte de Toulouse Raymond VI, prolonge le musée des Abattoirs. Il mêle pelouses, arbres fruitiers et œuvres d’art contemporain.',
      'C’est l’un des plus beaux points de vue sur la Garonne, loin de l’agitation de la rive droite.'
    ],
    place: 'raymond6',
    price: 'Gratuit',
    themes: ['nature']
  },
  {
    title: 'Le Grand Rond et le Jardin Royal',
    summary: 'Le plus ancien jardin public de Toulouse et son kiosque à musique, reliés au Jardin des Plantes.',
    body: [
      'Le Grand Rond, ou Boulingrin, fut dessiné au XVIIIᵉ siècle au croisement des grandes allées qui ceinturent la ville. Son kiosque et ses bassins en font un lieu de promenade élégant.',
      'Le Jardin Royal voisin, créé vers 1754, est le plus ancien jardin public de la ville. Ses grands arbres offrent une ombre bienvenue l’été.'
    ],
    place: 'grandRond',
    price: 'Gratuit',
    themes: ['nature', 'famille', 'balades']
  },
  {
    title: 'La place Saint-Pierre',
    summary: 'Le rendez-vous des étudiants et des supporters, ses terrasses et ses marches au bord de la Garonne.',
    body: [
      'Au bord de la Garonne, la place Saint-Pierre est le cœur de la vie nocturne étudiante. Ses bars à terrasses se remplissent dès les premiers beaux jours, et l’ambiance monte d’un cran les soirs de match.',
      'Les marches qui descendent vers le fleuve sont parfaites pour regarder le soleil se coucher derrière le dôme de la Grave. Pensez aux riverains en partant !'
    ],
    place: 'placeSaintPierre',
    price: 'Gratuit',
    themes: ['vie-nocturne']
  },
  {
    title: 'La Cité de l’espace',
    summary: 'Fusée Ariane 5 grandeur nature, station Mir et planétarium : le parc à thème de la conquête spatiale.',
    body: [
      'Ouverte en 1997, la Cité de l’espace rend hommage à Toulouse, capitale européenne du spatial. Dans le parc, une réplique grandeur nature d’Ariane 5 et un module de la station Mir se visitent.',
      'Planétarium, simulateurs et expositions interactives en font une sortie idéale en famille. Comptez une journée entière pour tout voir.'
    ],
    place: 'citeEspace',
    price: 'De 22 à 28 €',
    themes: ['sciences', 'famille'],
    featured: true
  },
  {
    title: 'La Halle de La Machine',
    summary: 'Le Minotaure géant et les machines de spectacle de la compagnie La Machine, à Montaudran.',
    body: [
      'Installée sur l’ancienne piste de l’Aéropostale, la Halle de La Machine présente les créatures mécaniques de la compagnie de François Delarozière, dont le Minotaure Astérion, haut de quatorze mètres.',
      'Les machinistes font fonctionner les engins devant le public, et l’on peut même monter à bord de certains. Une sortie étonnante pour petits et grands.'
    ],
    place: 'halleMachine',
    price: 'De 8 à 12 €',
    themes: ['famille', 'sciences']
  },
  {
    title: 'À vélo le long du canal du Midi',
    summary: 'Une balade plate et ombragée des Ponts-Jumeaux jusqu’à Ramonville, sur l’ancien chemin de halage.',
    body: [
      'Depuis le port de l’Embouchure, la piste cyclable suit le canal du Midi sur sa rive, loin des voitures. En une heure de pédalage tranquille, on rejoint Ramonville et son port.',
      'Les vélos en libre-service de la ville permettent de partir du centre sans matériel. Pensez à sonner à l’approche des promeneurs !'
    ],
    place: 'pontsJumeaux',
    price: 'Gratuit',
    themes: ['sport', 'nature', 'balades']
  },
  {
    title: 'Piscine Alfred-Nakache',
    summary: 'La grande piscine en plein air de l’île du Ramier, l’été, au milieu de la Garonne.',
    body: [
      'Construite dans les années 1930 sur l’île du Ramier, la piscine porte le nom d’Alfred Nakache, nageur toulousain recordman du monde, déporté pendant la guerre et revenu nager en équipe de France.',
      'Ses bassins extérieurs et ses pelouses attirent les Toulousains dès les premières chaleurs. Bonnet de bain obligatoire.'
    ],
    place: 'nakache',
    price: 'De 2 à 4 €',
    themes: ['sport', 'famille']
  },
  {
    title: 'Déjeuner au-dessus du marché Victor-Hugo',
    summary: 'À l’étage du marché couvert, des restaurants servent à midi les produits achetés au rez-de-chaussée.',
    body: [
      'Le marché Victor-Hugo est le ventre de Toulouse : fromagers, bouchers, poissonniers et volaillers y tiennent boutique du mardi au dimanche matin.',
      'À l’étage, une poignée de restaurants populaires servent le midi des plats du jour cuisinés avec les produits du marché. Arriver avant 12 h 30 pour éviter l’attente.'
    ],
    place: 'victorHugo',
    price: 'Plats du jour de 12 à 20 €',
    themes: ['gastronomie', 'marches']
  },
  {
    title: 'Le marché des Carmes',
    summary: 'Le marché couvert le plus chic du centre, ses étals de primeurs et ses comptoirs où l’on déguste à l’apéritif.',
    body: [
      'Sous le parking de la place des Carmes, le marché couvert réunit primeurs, fromagers, traiteurs et cavistes du mardi au dimanche matin.',
      'En fin de matinée, on s’accoude aux comptoirs pour une assiette d’huîtres ou de charcuterie, avant de flâner dans les rues des antiquaires voisines.'
    ],
    place: 'carmes',
    price: 'Gratuit',
    themes: ['marches', 'gastronomie']
  },
  {
    title: 'Balade en bateau sur la Garonne',
    summary: 'Une heure de croisière commentée depuis le quai de la Daurade, pour voir Toulouse depuis son fleuve.',
    body: [
      'Au départ du quai de la Daurade, les bateaux-promenades descendent la Garonne jusqu’à la chaussée du Bazacle, puis remontent vers l’île du Ramier en passant sous le Pont Neuf.',
      'Le commentaire raconte les moulins, les crues et les quais de brique. Une autre formule emprunte le canal de Brienne et le canal du Midi.'
    ],
    place: 'quaiDaurade',
    price: 'De 10 à 14 €',
    themes: ['balades', 'nature', 'famille']
  }
];
