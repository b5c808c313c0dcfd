import type { EditorialSeed } from './types';

/** Heritage sites of Toulouse, with their real history (kept short and approximate). */
export const heritageSeeds: (EditorialSeed & { place: NonNullable<EditorialSeed['place']> })[] = [
  {
    title: 'Le Capitole',
    summary: 'L’hôtel de ville de Toulouse et sa façade de brique et de pierre, sur la plus célèbre place de la ville.',
    body: [
      'Le Capitole doit son nom aux capitouls, les magistrats qui gouvernèrent la ville à partir du XIIᵉ siècle. Ils y siégeaient déjà au Moyen Âge, dans un ensemble de bâtiments agrandi au fil des siècles.',
      'La grande façade actuelle, longue de 135 mètres, fut élevée entre 1750 et 1760 sur les plans de Guillaume Cammas. Ses huit colonnes de marbre rose symbolisent les huit capitouls ; elle abrite aussi le Théâtre du Capitole.',
      'À l’intérieur, la salle des Illustres et la salle Henri-Martin rassemblent un éblouissant décor peint de la fin du XIXᵉ siècle. Sur la place, une grande croix occitane dessinée par Raymond Moretti est incrustée dans le pavé, ornée des signes du zodiaque.'
    ],
    place: 'capitole',
    price: 'Gratuit',
    themes: ['patrimoine'],
    featured: true
  },
  {
    title: 'Basilique Saint-Sernin',
    summary: 'La plus grande église romane conservée en Europe, étape majeure des chemins de Saint-Jacques.',
    body: [
      'Saint-Sernin fut bâtie à partir de 1080 environ pour accueillir les pèlerins venus vénérer les reliques de saint Saturnin, premier évêque de Toulouse, martyrisé au IIIᵉ siècle.',
      'Avec son clocher octogonal à cinq étages, typique de l’art toulousain, et son chevet étagé de chapelles rayonnantes, elle est un chef-d’œuvre de l’art roman. Elle est inscrite au patrimoine mondial de l’UNESCO depuis 1998, au titre des chemins de Saint-Jacques-de-Compostelle.',
      'Ne manquez pas la porte Miègeville et ses chapiteaux sculptés, ni la crypte qui conserve de précieux reliquaires.'
    ],
    place: 'saintSernin',
    price: 'Gratuit (crypte : 3 €)',
    themes: ['patrimoine', 'balades'],
    featured: true
  },
  {
    title: 'Couvent des Jacobins',
    summary: 'Son célèbre « palmier » de pierre et son cloître en font un joyau du gothique méridional.',
    body: [
      'L’ordre des Prêcheurs, ou Dominicains, fut fondé à Toulouse en 1215 par saint Dominique. Les frères s’installèrent sur ce site en 1229 et y élevèrent une église de brique aux dimensions impressionnantes.',
      'Le chœur abrite le fameux « palmier » : une colonne de 22 mètres d’où jaillissent les nervures de la voûte, achevée vers 1292. Depuis 1369, l’église conserve les reliques de saint Thomas d’Aquin.',
      'Le cloître, le réfectoire et la salle capitulaire se visitent ; le cloître accueille aussi des concerts lors des soirées d’été.'
    ],
    place: 'jacobins',
    price: 'Église gratuite, cloître 5 €',
    themes: ['patrimoine']
  },
  {
    title: 'Cathédrale Saint-Étienne',
    summary: 'Une cathédrale étonnante, fruit de plusieurs chantiers inachevés dont les axes ne sont pas alignés.',
    body: [
      'Commencée au XIᵉ siècle et remaniée jusqu’au XVIIᵉ, la cathédrale Saint-Étienne surprend par son plan décalé : la nef « raymondine » du XIIIᵉ siècle et le chœur gothique entrepris en 1272 ne sont pas dans le même axe.',
      'L’évêque Bertrand de l’Isle-Jourdain voulait une cathédrale gothique à la mode du Nord ; faute de moyens, le chantier fut interrompu et les deux parties ne furent jamais réunies comme prévu.',
      'La place Saint-Étienne, avec sa fontaine du Griffoul, la plus ancienne de la ville, est l’un des coins les plus paisibles du centre.'
    ],
    place: 'saintEtienne',
    price: 'Gratuit',
    themes: ['patrimoine']
  },
  {
    title: 'Hôtel d’Assézat',
    summary: 'Le plus beau palais Renaissance de Toulouse, bâti pour un marchand de pastel, aujourd’hui Fondation Bemberg.',
    body: [
      'Pierre d’Assézat fit fortune dans le commerce du pastel, la plante tinctoriale qui donnait un bleu recherché dans toute l’Europe. En 1555, il confia à l’architecte Nicolas Bachelier la construction de cet hôtel particulier.',
      'La cour d’honneur superpose les trois ordres antiques, dorique, ionique et corinthien, dans un jeu élégant de brique et de pierre. La tour d’escalier, couronnée d’un lanternon, affiche la réussite du propriétaire.',
      'L’hôtel abrite depuis 1995 la Fondation Bemberg et accueille l’Académie des Jeux floraux, la plus ancienne société littéraire d’Europe.'
    ],
    place: 'assezat',
    price: 'Cour gratuite',
    themes: ['patrimoine', 'musees'],
    featured: true
  },
  {
    title: 'Le Pont Neuf',
    summary: 'Malgré son nom, c’est le plus ancien pont de Toulouse, achevé au XVIIᵉ siècle après près d’un siècle de travaux.',
    body: [
      'Le chantier du Pont Neuf débuta en 1544 et ne s’acheva qu’en 1632 ; Louis XIV l’inaugura officiellement en 1659. Il est le seul pont ancien de la ville à avoir résisté à toutes les crues de la Garonne, y compris celle de 1875.',
      'Ses sept arches inégales sont percées de larges ouvertures, les « dégueuloirs », qui laissent passer l’eau lors des crues et allègent la pression sur l’ouvrage.',
      'Au coucher du soleil, la vue depuis le pont sur le dôme de la Grave et les quais est l’une des plus belles de Toulouse.'
    ],
    place: 'pontNeuf',
    price: 'Gratuit',
    themes: ['patrimoine', 'balades']
  },
  {
    title: 'Le canal du Midi',
    summary: 'L’ouvrage de Pierre-Paul Riquet relie Toulouse à la Méditerranée depuis 1681 et est inscrit à l’UNESCO.',
    body: [
      'Conçu par Pierre-Paul Riquet et creusé entre 1666 et 1681, le canal du Midi relie Toulouse à l’étang de Thau sur environ 240 kilomètres. Avec le canal de Garonne, il permet d’aller de l’Atlantique à la Méditerranée.',
      'Inscrit au patrimoine mondial de l’UNESCO en 1996, il traverse Toulouse du port de l’Embouchure au port Saint-Sauveur. Ses berges, longtemps ombragées de platanes, sont aujourd’hui replantées d’essences variées après l’épidémie de chancre coloré.',
      'Les chemins de halage se parcourent à pied ou à vélo, loin de l’agitation de la ville.'
    ],
    place: 'canalMidi',
    price: 'Gratuit',
    themes: ['patrimoine', 'nature', 'balades']
  },
  {
    title: 'Donjon du Capitole',
    summary: 'Ancienne tour des archives des capitouls, coiffée par Viollet-le-Duc d’un toit à la flamande.',
    body: [
      'Construit vers 1525 pour abriter les archives de la ville et les délibérations des capitouls, le donjon est l’un des rares vestiges du Capitole d’avant la grande façade du XVIIIᵉ siècle.',
      'En 1873, Viollet-le-Duc le restaura et le coiffa d’un beffroi à la flamande, qui surprend dans cette ville de brique. Il abrite aujourd’hui l’office de tourisme.',
      'Le square Charles-de-Gaulle qui l’entoure est un lieu de pause apprécié, à deux pas de la place du Capitole.'
    ],
    place: 'donjon',
    price: 'Gratuit',
    themes: ['patrimoine']
  },
  {
    title: 'Basilique Notre-Dame de la Daurade',
    summary: 'Son nom vient des mosaïques dorées de l’église primitive ; elle abrite la Vierge noire de Toulouse.',
    body: [
      'Au Vᵉ siècle, une église décorée de mosaïques à fond d’or s’élevait ici : on l’appelait la « deaurata », la dorée, qui a donné Daurade. Jugée trop fragile, elle fut démolie en 1761 pour laisser place à l’édifice actuel, achevé au XIXᵉ siècle.',
      'La basilique abrite Notre-Dame la Noire, statue vénérée notamment par les futures mères. Sa façade néoclassique fait face au quai, d’où elle domine la Garonne.'
    ],
    place: 'daurade',
    price: 'Gratuit',
    themes: ['patrimoine']
  },
  {
    title: 'Église Notre-Dame du Taur',
    summary: 'Bâtie selon la tradition là où fut enseveli saint Saturnin, traîné par un taureau, au cœur de la rue du Taur.',
    body: [
      'La légende raconte que saint Saturnin, premier évêque de Toulouse, fut attaché à un taureau et traîné dans les rues vers 250. Le « taur » donna son nom à la rue et à l’église qui s’élève à l’endroit où la corde se rompit.',
      'L’église actuelle date essentiellement du XIVᵉ siècle. Son clocher-mur, percé d’arcades en mitre, est un exemple typique du gothique méridional.'
    ],
    place: 'taur',
    price: 'Gratuit',
    themes: ['patrimoine']
  },
  {
    title: 'Hôtel-Dieu Saint-Jacques',
    summary: 'Hôpital des pèlerins de Compostelle depuis le Moyen Âge, inscrit au patrimoine mondial de l’UNESCO.',
    body: [
      'Dès le XIIᵉ siècle, un hôpital accueille ici les pauvres et les pèlerins en route vers Saint-Jacques-de-Compostelle, au débouché du Pont Neuf. Il est inscrit au patrimoine mondial de l’UNESCO depuis 1998.',
      'Les bâtiments actuels, des XVIIᵉ et XVIIIᵉ siècles, abritent le siège du CHU de Toulouse et un musée d’histoire de la médecine. Les jardins en terrasse offrent une vue superbe sur la Garonne.'
    ],
    place: 'hotelDieu',
    price: 'Gratuit',
    themes: ['patrimoine', 'musees']
  },
  {
    title: 'Le dôme de la Grave',
    summary: 'La coupole de cuivre vert de la chapelle Saint-Joseph domine la rive gauche et les couchers de soleil.',
    body: [
      'L’hôpital de la Grave accueillit longtemps les pestiférés, puis les indigents et les orphelins, à l’écart de la ville, sur la rive gauche.',
      'Sa chapelle Saint-Joseph, construite à la fin du XVIIIᵉ siècle, est couronnée d’un dôme recouvert de cuivre dont la patine verte est devenue un repère de la silhouette toulousaine. Restaurée, elle accueille aujourd’hui expositions et événements.'
    ],
    place: 'grave',
    price: 'Gratuit',
    themes: ['patrimoine']
  },
  {
    title: 'Hôtel de Bernuy',
    summary: 'Un palais Renaissance bâti par un riche marchand de pastel, aujourd’hui occupé par le lycée Pierre-de-Fermat.',
    body: [
      'Jean de Bernuy, marchand d’origine castillane enrichi par le pastel, fit bâtir cet hôtel entre 1502 et 1536. On raconte qu’il se porta garant de la rançon de François Iᵉʳ, prisonnier de Charles Quint.',
      'Sa cour, où se mêlent gothique flamboyant et Renaissance italienne, et sa haute tour d’escalier, l’une des plus élevées de la ville, se visitent lors des Journées du patrimoine.'
    ],
    place: 'bernuy',
    price: 'Accès lors de visites guidées',
    themes: ['patrimoine']
  },
  {
    title: 'Hôtel de Pierre',
    summary: 'Une façade entièrement en pierre, rareté dans la ville rose, rue de la Dalbade.',
    body: [
      'Dans une ville où la brique règne, le président au Parlement Jean de Clary voulut marquer les esprits : au début du XVIIᵉ siècle, il fit habiller la façade de son hôtel de pierre de taille, ornée de colonnes, de guirlandes et d’atlantes.',
      'Les Toulousains le baptisèrent tout simplement « hôtel de Pierre ». Sa cour reste l’une des plus spectaculaires de la ville.'
    ],
    place: 'hotelPierre',
    price: 'Cour visible depuis la rue',
    themes: ['patrimoine']
  },
  {
    title: 'Église Notre-Dame de la Dalbade',
    summary: 'Son grand tympan de céramique colorée illumine la rue de la Dalbade depuis le XIXᵉ siècle.',
    body: [
      'Reconstruite au XVIᵉ siècle après un incendie, l’église de la Dalbade, « la blanche », tire son nom de l’enduit clair de l’édifice primitif.',
      'Son portail Renaissance est surmonté d’un tympan en céramique réalisé par l’atelier toulousain de Gaston Virebent en 1878, d’après le Couronnement de la Vierge de Fra Angelico. Son haut clocher s’effondra en 1926 et ne fut jamais reconstruit.'
    ],
    place: 'dalbade',
    price: 'Gratuit',
    themes: ['patrimoine']
  },
  {
    title: 'Le Bazacle',
    summary: 'Un gué antique, des moulins médiévaux puis une usine hydroélectrique : l’histoire industrielle de la Garonne.',
    body: [
      'Le Bazacle était d’abord un gué qui permettait de traverser la Garonne. Dès le XIIᵉ siècle, des moulins s’y installent ; leurs propriétaires se regroupent en une société par actions, souvent citée comme l’une des plus anciennes d’Europe.',
      'En 1888, les moulins laissent place à une usine hydroélectrique toujours en activité. L’Espace EDF Bazacle accueille expositions et visites, avec une vue sur la passe à poissons.'
    ],
    place: 'bazacle',
    price: 'Gratuit',
    themes: ['patrimoine', 'sciences']
  },
  {
    title: 'La Halle aux Grains',
    summary: 'Une halle hexagonale du XIXᵉ siècle devenue la salle de l’Orchestre national du Capitole.',
    body: [
      'Construite au milieu du XIXᵉ siècle pour accueillir le marché aux grains, la halle adopte un original plan hexagonal. Le commerce des céréales déclinant, elle sert ensuite de salle de sport et de lieu de meetings.',
      'Transformée en salle de concert dans les années 1970, elle est depuis la maison de l’Orchestre national du Capitole. Ses gradins enveloppent la scène et rapprochent le public des musiciens.'
    ],
    place: 'halleGrains',
    themes: ['patrimoine', 'opera']
  },
  {
    title: 'Le quai de la Daurade',
    summary: 'L’ancien port de Toulouse, devenu le balcon préféré des Toulousains sur la Garonne.',
    body: [
      'Jusqu’au XIXᵉ siècle, les gabarres déchargeaient ici les marchandises remontées de Bordeaux. Les quais de brique, aménagés au XVIIIᵉ siècle, protégeaient aussi la ville des crues.',
      'Aujourd’hui, le quai de la Daurade et ses marches descendant vers l’eau sont le rendez-vous des beaux soirs : on y pique-nique face au Pont Neuf et au dôme de la Grave.'
    ],
    place: 'quaiDaurade',
    price: 'Gratuit',
    themes: ['patrimoine', 'balades', 'vie-nocturne']
  },
  {
    title: 'Chapelle des Carmélites',
    summary: 'Un écrin de peintures du XVIIᵉ siècle, surnommé la « chapelle Sixtine » toulousaine.',
    body: [
      'Seul vestige du couvent des Carmélites déchaussées, cette chapelle du XVIIᵉ siècle cache derrière une façade sobre un décor entièrement peint : voûte, murs et boiseries.',
      'Les peintures de Jean-Pierre Rivalz et de Jean-Baptiste Despax célèbrent la vie des saints du Carmel. Une véritable surprise au détour de la rue de Périgord.'
    ],
    place: 'carmelites',
    price: 'Gratuit',
    themes: ['patrimoine']
  },
  {
    title: 'Les Ponts-Jumeaux et le port de l’Embouchure',
    summary: 'Là où se rejoignent le canal du Midi, le canal de Brienne et le canal latéral, sous un grand bas-relief.',
    body: [
      'Le port de l’Embouchure marque la jonction de trois canaux : le canal du Midi, le canal de Brienne, qui mène à la Garonne, et le canal latéral à la Garonne. Les Ponts-Jumeaux enjambent ce carrefour d’eau.',
      'Un grand bas-relief sculpté par François Lucas en 1775 célèbre l’union du canal et de la Garonne. C’est le point de départ idéal d’une balade à vélo le long de l’eau.'
    ],
    place: 'pontsJumeaux',
    price: 'Gratuit',
    themes: ['patrimoine', 'balades', 'nature']
  },
  {
    title: 'Le faubourg Saint-Cyprien',
    summary: 'Longtemps faubourg inondable, Saint-Cyprien garde ses rues de brique et l’esprit d’un village.',
    body: [
      'Reliée à la ville par le Pont Neuf, la rive gauche fut longtemps un faubourg d’artisans et de tanneurs, dévasté par la grande crue de juin 1875 qui emporta des centaines de maisons.',
      'Aujourd’hui, autour du marché couvert de la place Roguet, Saint-Cyprien cultive une ambiance de village : cafés, épiceries du monde et ateliers d’artistes.'
    ],
    place: 'saintCyprien',
    price: 'Gratuit',
    themes: ['patrimoine', 'balades', 'marches']
  }
];
