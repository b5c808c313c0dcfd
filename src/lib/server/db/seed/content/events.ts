import type { EventSeed } from './types';

/**
 * Plausible Toulouse events, dated relative to the seeding day: mostly in the next two months,
 * a few already past (so that the "past events are dropped" logic can be seen).
 */
export const eventSeeds: EventSeed[] = [
  {
    title: 'La Traviata de Verdi au Théâtre du Capitole',
    summary: 'Le chef-d’œuvre de Verdi dans une mise en scène élégante, avec l’Orchestre national du Capitole en fosse.',
    body: [
      'Violetta Valéry brille dans les salons parisiens, mais son cœur est fragile. Quand Alfredo lui déclare son amour, elle ose croire à une autre vie… jusqu’à ce que les convenances s’en mêlent.',
      'Cette nouvelle production mise sur l’épure : quelques miroirs, des lumières de fin de fête, et toute la place laissée aux voix. L’Orchestre national du Capitole et le Chœur maison accompagnent une distribution jeune et engagée.',
      'Durée : 2 h 45 avec entracte. Surtitrage en français et en anglais. Les places debout du paradis sont mises en vente une heure avant le lever de rideau.'
    ],
    place: 'theatreCapitole',
    day: 6,
    start: '20:00',
    end: '22:45',
    price: 'De 10 à 95 €',
    themes: ['opera', 'vie-nocturne'],
    featured: true
  },
  {
    title: 'Les Noces de Figaro, opéra de Mozart',
    summary: 'Une « folle journée » de quiproquos en musique : Mozart et Da Ponte au sommet de leur art.',
    body: [
      'Figaro et Suzanne doivent se marier ce soir, mais le comte Almaviva a d’autres projets pour la jeune femme. Déguisements, billets doux et portes dérobées : rien ne se passera comme prévu.',
      'Le Théâtre du Capitole reprend cette production lumineuse, applaudie lors de sa création, avec une troupe de chanteurs où se mêlent voix confirmées et révélations.',
      'Durée : 3 h avec entracte. Surtitrage en français. Une présentation gratuite de l’œuvre a lieu au foyer 45 minutes avant le début.'
    ],
    place: 'theatreCapitole',
    day: 34,
    start: '20:00',
    end: '23:00',
    price: 'De 10 à 95 €',
    themes: ['opera']
  },
  {
    title: 'Carmen en matinée au Capitole',
    summary: 'La matinée dominicale de Carmen : l’occasion idéale d’emmener toute la famille à l’opéra.',
    body: [
      'La Habanera, l’air du Toréador, la fumée des cigarières : Carmen est sans doute l’opéra le plus populaire du répertoire, et l’un des plus faciles d’accès pour une première fois.',
      'Pour cette représentation en matinée, un livret-jeu est remis aux enfants à l’entrée pour suivre l’histoire acte par acte. Tarif réduit pour les moins de 18 ans.'
    ],
    place: 'theatreCapitole',
    day: 20,
    weekday: 7,
    start: '15:00',
    end: '18:00',
    price: 'De 10 à 80 €',
    themes: ['opera', 'famille']
  },
  {
    title: 'Dvořák, Symphonie du Nouveau Monde',
    summary: 'L’Orchestre national du Capitole joue la Symphonie n° 9 de Dvořák et le Concerto pour violoncelle.',
    body: [
      'Écrite à New York en 1893, la Symphonie « du Nouveau Monde » mêle souvenirs de Bohême et rythmes américains. Son largo, porté par le cor anglais, compte parmi les pages les plus célèbres du répertoire.',
      'En première partie, le Concerto pour violoncelle du même compositeur, l’un des plus beaux jamais écrits pour l’instrument. L’acoustique chaleureuse de la Halle aux Grains fait le reste.',
      'Durée : 1 h 50 avec entracte. Placement numéroté.'
    ],
    place: 'halleGrains',
    day: 3,
    start: '20:00',
    end: '21:50',
    price: 'De 12 à 55 €',
    themes: ['opera', 'concerts'],
    featured: true
  },
  {
    title: 'Ravel, Boléro et Daphnis et Chloé',
    summary: 'Un programme tout Ravel par l’Orchestre national du Capitole, du Boléro à la Suite de Daphnis et Chloé.',
    body: [
      'Ravel et Toulouse, c’est une longue histoire : l’orchestre a enregistré l’intégrale de ses œuvres et en a fait l’une de ses signatures. Ce programme réunit la Pavane pour une infante défunte, la seconde Suite de Daphnis et Chloé et, pour finir, l’irrésistible crescendo du Boléro.',
      'Un concert idéal pour découvrir la Halle aux Grains, son plan hexagonal et sa proximité unique avec les musiciens.'
    ],
    place: 'halleGrains',
    day: 19,
    start: '20:00',
    end: '21:40',
    price: 'De 12 à 55 €',
    themes: ['opera', 'concerts']
  },
  {
    title: 'Concert du dimanche : Mozart en famille',
    summary: 'Une heure de musique de chambre pour les 6-12 ans et leurs parents, racontée par un musicien de l’orchestre.',
    body: [
      'Les musiciens de l’Orchestre national du Capitole présentent les instruments d’un quintette à vent avant de jouer des extraits de Mozart, entre deux anecdotes sur le jeune prodige de Salzbourg.',
      'Format court, place libre, poussettes bienvenues dans le hall d’accueil.'
    ],
    place: 'halleGrains',
    day: 11,
    weekday: 7,
    start: '11:00',
    end: '12:00',
    price: '8 €, gratuit pour les moins de 6 ans',
    themes: ['concerts', 'famille', 'opera']
  },
  {
    title: 'Récital de piano au cloître des Jacobins',
    summary: 'Chopin et Debussy sous les voûtes du cloître des Jacobins, à la tombée du jour.',
    body: [
      'Le cloître des Jacobins, ses colonnettes de marbre et son jardin carré offrent un écrin rare à la musique. Une jeune pianiste lauréate de concours internationaux y joue les Nocturnes de Chopin et le premier livre des Préludes de Debussy.',
      'Les chaises sont disposées sous les galeries ; prévoir une petite laine, la soirée fraîchit vite entre les murs de brique.'
    ],
    place: 'jacobins',
    day: 12,
    start: '20:30',
    end: '22:00',
    price: '18 €, 10 € tarif réduit',
    themes: ['concerts', 'opera', 'patrimoine']
  },
  {
    title: 'Heure d’orgue à Saint-Sernin',
    summary: 'Le grand orgue Cavaillé-Coll de la basilique Saint-Sernin résonne pour une heure de Bach et de Widor.',
    body: [
      'Installé en 1889 par Aristide Cavaillé-Coll, l’orgue de Saint-Sernin est l’un des instruments romantiques les mieux conservés de France. Toulouse est d’ailleurs souvent surnommée la capitale de l’orgue.',
      'Au programme : la Toccata et fugue en ré mineur de Bach et la célèbre Toccata de la Cinquième Symphonie de Widor. Un écran retransmet le jeu de l’organiste dans la nef.'
    ],
    place: 'saintSernin',
    day: 8,
    weekday: 7,
    start: '16:00',
    end: '17:00',
    price: 'Libre participation',
    themes: ['concerts', 'patrimoine', 'opera']
  },
  {
    title: 'Chœurs sacrés à la Daurade',
    summary: 'Un ensemble vocal toulousain chante Fauré, Duruflé et des polyphonies occitanes à la basilique de la Daurade.',
    body: [
      'Trente chanteurs amateurs, dirigés par une cheffe passionnée, proposent un voyage du Requiem de Fauré aux chants traditionnels d’Occitanie, à quelques pas de la Garonne.',
      'La Vierge noire de la Daurade veille sur la soirée. Entrée libre dans la limite des places disponibles.'
    ],
    place: 'daurade',
    day: 21,
    start: '20:30',
    end: '22:00',
    price: 'Libre participation',
    themes: ['concerts', 'patrimoine']
  },
  {
    title: 'Jazz sur les quais',
    summary: 'Concert gratuit en plein air sur le quai de la Daurade, face au coucher de soleil sur la Garonne.',
    body: [
      'Un quintette de jazz toulousain revisite les standards de Nougaro, enfant du pays, et de Michel Petrucciani. On s’installe sur les marches du quai, on partage un pique-nique, et on regarde le soleil se coucher derrière le dôme de la Grave.',
      'En cas de pluie, le concert est reporté au lendemain à la même heure.'
    ],
    place: 'quaiDaurade',
    day: 14,
    start: '19:00',
    end: '21:30',
    price: 'Gratuit',
    themes: ['concerts', 'vie-nocturne']
  },
  {
    title: 'Bal occitan place Saint-Pierre',
    summary: 'Rondeaux, bourrées et scottishs : un bal traditionnel ouvert à tous, initiation aux pas en début de soirée.',
    body: [
      'Accordéon diatonique, violon et cornemuse des Landes : les musiciens mènent la danse et un animateur explique les pas aux débutants pendant la première demi-heure.',
      'Pas besoin de partenaire ni d’expérience, il suffit de chaussures confortables et de bonne humeur.'
    ],
    place: 'placeSaintPierre',
    day: 12,
    start: '20:00',
    end: '23:30',
    price: 'Gratuit',
    themes: ['concerts', 'vie-nocturne', 'patrimoine']
  },
  {
    title: 'Cyrano de Bergerac au Théâtre Sorano',
    summary: 'Le panache de Rostand par une troupe de douze comédiens, dans une mise en scène vive et musicale.',
    body: [
      'Poète, bretteur et amoureux transi, Cyrano prête ses mots à Christian pour séduire Roxane. Plus de cent vingt ans après sa création, la pièce d’Edmond Rostand n’a rien perdu de sa verve.',
      'La compagnie a choisi de faire jouer la musique sur scène : une guitare, un violoncelle et des chansons qui relient les cinq actes. Un spectacle à partager dès 12 ans.'
    ],
    place: 'sorano',
    day: 5,
    start: '20:30',
    end: '23:00',
    price: 'De 8 à 24 €',
    themes: ['theatre'],
    featured: true
  },
  {
    title: 'Le Petit Prince, spectacle jeune public',
    summary: 'Une adaptation poétique du conte de Saint-Exupéry, l’aviateur qui fit escale à Toulouse, dès 6 ans.',
    body: [
      'Avant d’écrire Le Petit Prince, Antoine de Saint-Exupéry fut pilote de l’Aéropostale, dont les avions partaient de Montaudran, à Toulouse. Ce spectacle mêle théâtre d’objets et ombres chinoises pour raconter le voyage du petit bonhomme aux cheveux d’or.',
      'Durée : 55 minutes. Un goûter est offert aux enfants à l’issue de la représentation.'
    ],
    place: 'sorano',
    day: 13,
    weekday: 3,
    start: '15:00',
    end: '16:00',
    price: '8 €',
    themes: ['theatre', 'famille']
  },
  {
    title: 'Nos rivages, création au Théâtre Garonne',
    summary: 'Une création contemporaine sur la mémoire du fleuve, entre théâtre documentaire et vidéo.',
    body: [
      'Pendant un an, la metteuse en scène a recueilli les souvenirs de riverains de la Garonne : bateliers, pêcheurs, habitants de Saint-Cyprien qui ont connu la crue de 1875 par les récits de leurs grands-parents.',
      'Sur scène, quatre comédiens et des images filmées au fil de l’eau tissent un portrait sensible de la ville et de son fleuve. Rencontre avec l’équipe après la représentation.'
    ],
    place: 'theatreGaronne',
    day: 15,
    start: '20:00',
    end: '21:30',
    price: 'De 10 à 22 €',
    themes: ['theatre']
  },
  {
    title: 'Le Misanthrope au Théâtre de la Cité',
    summary: 'Alceste contre les hypocrisies du monde : la comédie de Molière dans une version résolument actuelle.',
    body: [
      'Alceste ne supporte plus les compliments creux ni les petits arrangements de la cour. Amoureux de Célimène, reine des salons et de la médisance, il va pourtant devoir composer.',
      'Costumes contemporains, alexandrins intacts : cette mise en scène montre à quel point Molière reste notre contemporain.'
    ],
    place: 'theatreCite',
    day: 27,
    start: '20:00',
    end: '22:10',
    price: 'De 10 à 28 €',
    themes: ['theatre']
  },
  {
    title: 'Ciné-concert : Nosferatu',
    summary: 'Le chef-d’œuvre muet de Murnau accompagné en direct par un trio de musiciens à la Cinémathèque.',
    body: [
      'Sorti en 1922, Nosferatu le vampire reste l’un des sommets de l’expressionnisme allemand. La Cinémathèque de Toulouse, qui conserve l’une des plus riches collections de films de France, le projette dans une copie restaurée.',
      'Un trio piano, violoncelle et percussions improvise la bande originale en direct. Frissons garantis.'
    ],
    place: 'cinematheque',
    day: 9,
    start: '20:30',
    end: '22:15',
    price: '7 €, 5 € tarif réduit',
    themes: ['cinema', 'concerts', 'vie-nocturne']
  },
  {
    title: 'Cinéma en plein air à la Prairie des Filtres',
    summary: 'Transats, couvertures et grand écran au bord de la Garonne pour une comédie culte à la nuit tombée.',
    body: [
      'Chaque saison, la Prairie des Filtres se transforme le temps d’une soirée en salle de cinéma à ciel ouvert. La projection commence à la nuit tombée ; on peut venir dès 20 h pour pique-niquer sur l’herbe.',
      'Quelques transats sont prêtés sur place, mais mieux vaut apporter sa couverture. Film en version originale sous-titrée.'
    ],
    place: 'prairieFiltres',
    day: 20,
    start: '21:30',
    end: '23:30',
    price: 'Gratuit',
    themes: ['cinema', 'famille', 'vie-nocturne']
  },
  {
    title: 'Grand marché du livre ancien place Saint-Étienne',
    summary: 'Une trentaine de bouquinistes réunis au pied de la cathédrale : éditions originales, gravures, cartes postales.',
    body: [
      'Éditions rares, livres d’enfants d’autrefois, revues, affiches et vieilles cartes de la région : les bouquinistes venus de tout le Sud-Ouest installent leurs étals sous les platanes de la place Saint-Étienne.',
      'Un atelier de reliure fait des démonstrations toute la journée, et un expert estime gratuitement vos trouvailles de grenier de 14 h à 17 h.'
    ],
    place: 'saintEtienne',
    day: 10,
    weekday: 6,
    start: '09:00',
    end: '18:00',
    price: 'Gratuit',
    themes: ['librairies', 'marches', 'patrimoine']
  },
  {
    title: 'Salon du livre jeunesse',
    summary: 'Auteurs et illustrateurs jeunesse en dédicace, lectures et ateliers dessin à la médiathèque José-Cabanis.',
    body: [
      'Pendant tout un week-end, une vingtaine d’auteurs et d’illustrateurs viennent à la rencontre des jeunes lecteurs. Des lectures à voix haute ont lieu toutes les heures dans l’espace jeunesse.',
      'Les libraires indépendants de la ville tiennent les stands de vente : on peut repartir avec un album dédicacé.',
      'Ateliers dessin sur inscription à l’accueil de la médiathèque, dans la limite des places disponibles.'
    ],
    place: 'cabanis',
    day: 22,
    weekday: 6,
    start: '10:00',
    end: '18:00',
    endDay: 1,
    price: 'Gratuit',
    themes: ['librairies', 'famille']
  },
  {
    title: 'Rencontre avec une romancière toulousaine',
    summary: 'Lecture et échange autour d’un premier roman qui se déroule dans les rues du quartier des Carmes.',
    body: [
      'Son premier roman suit trois générations d’une famille de marchands de tissus de la rue des Filatiers. L’autrice en lira des extraits avant de répondre aux questions du public.',
      'La rencontre est suivie d’une séance de dédicace avec une librairie du centre-ville.'
    ],
    place: 'bep',
    day: 7,
    start: '18:30',
    end: '20:00',
    price: 'Gratuit',
    themes: ['librairies']
  },
  {
    title: 'Marché aux puces de Saint-Sernin',
    summary: 'Le dimanche matin autour de la basilique : brocante, vinyles, vieux outils et vaisselle de grand-mère.',
    body: [
      'Tous les dimanches matin, les brocanteurs s’installent autour de Saint-Sernin. On y chine de tout : meubles de bistrot, vinyles, jouets anciens, cartes postales et bric-à-brac improbable.',
      'Conseil des habitués : venir tôt pour les bonnes affaires, ou vers midi pour négocier.'
    ],
    place: 'saintSernin',
    day: 1,
    weekday: 7,
    start: '07:00',
    end: '13:30',
    price: 'Gratuit',
    themes: ['marches', 'patrimoine']
  },
  {
    title: 'Marché des producteurs du soir',
    summary: 'Producteurs de la région, food trucks et musique sur la place du Capitole pour un dîner en plein air.',
    body: [
      'Fromages des Pyrénées, charcuteries du Tarn, melons de Lectoure, vins de Fronton : une quarantaine de producteurs vendent et cuisinent sur place.',
      'Des tables sont installées au centre de la place ; on compose son assiette d’un stand à l’autre. Pensez à apporter vos couverts et votre gobelet réutilisable.'
    ],
    place: 'placeCapitole',
    day: 4,
    weekday: 4,
    start: '17:00',
    end: '22:00',
    price: 'Entrée libre',
    themes: ['marches', 'gastronomie', 'vie-nocturne'],
    featured: true
  },
  {
    title: 'Marché de créateurs de la place Saint-Georges',
    summary: 'Bijoux, céramiques, textiles et illustrations : une soixantaine d’artisans et créateurs locaux sous les arbres.',
    body: [
      'Une fois par mois, la place Saint-Georges accueille les créateurs de la région. Céramistes, bijoutiers, couturières et illustrateurs y vendent directement leurs pièces, souvent uniques.',
      'Un atelier de teinture au pastel, la plante qui fit la fortune de Toulouse à la Renaissance, est proposé aux enfants l’après-midi.'
    ],
    place: 'placeSaintGeorges',
    day: 6,
    weekday: 6,
    start: '10:00',
    end: '19:00',
    price: 'Gratuit',
    themes: ['artisanat', 'mode', 'marches']
  },
  {
    title: 'Fête de la violette',
    summary: 'La fleur emblème de Toulouse à l’honneur : producteurs, confiseurs et parfumeurs sur la place du Capitole.',
    body: [
      'Arrivée, dit-on, avec un soldat napoléonien au XIXᵉ siècle, la violette de Toulouse a longtemps fleuri les maraîchages du nord de la ville et fait la réputation de ses confiseurs.',
      'Le temps d’une journée, les producteurs présentent leurs plants, les confiseurs leurs bonbons cristallisés et les parfumeurs leurs eaux de violette. Démonstration de cristallisation des fleurs à 15 h.'
    ],
    place: 'placeCapitole',
    day: 26,
    weekday: 7,
    start: '10:00',
    end: '18:00',
    price: 'Gratuit',
    themes: ['gastronomie', 'marches', 'patrimoine'],
    featured: true
  },
  {
    title: 'Dégustation de vins du Frontonnais',
    summary: 'Découvrez la négrette, cépage rare du vignoble de Fronton, avec un vigneron au marché Victor-Hugo.',
    body: [
      'À trente kilomètres au nord de Toulouse, le vignoble de Fronton cultive un cépage presque introuvable ailleurs : la négrette, aux arômes de violette et de fruits rouges.',
      'Un vigneron présente cinq cuvées, accompagnées de fromages et de charcuteries du marché. Dégustation réservée aux adultes, à consommer avec modération.'
    ],
    place: 'victorHugo',
    day: 7,
    weekday: 5,
    start: '18:30',
    end: '20:00',
    price: '15 €',
    themes: ['gastronomie', 'marches']
  },
  {
    title: 'Atelier cassoulet avec un chef',
    summary: 'Haricots lingots, confit et saucisse de Toulouse : apprenez les secrets du vrai cassoulet avec un chef.',
    body: [
      'Le matin, on fait les courses au marché des Carmes avec le chef pour choisir la saucisse de Toulouse, le confit de canard et les haricots lingots. Puis on passe en cuisine pour préparer le plat et sa fameuse croûte.',
      'Chaque participant repart avec sa cassole et la recette détaillée. Tablier fourni.'
    ],
    place: 'carmes',
    day: 17,
    weekday: 6,
    start: '09:30',
    end: '13:00',
    price: '45 €',
    themes: ['gastronomie', 'marches']
  },
  {
    title: 'Atelier famille : fabrique ton herbier',
    summary: 'Cueillette, pressage et étiquetage : un atelier nature au Jardin des Plantes pour les 6-10 ans.',
    body: [
      'Accompagnés d’un médiateur du Muséum, les enfants partent à la découverte des arbres du Jardin des Plantes, ramassent des feuilles tombées et apprennent à les reconnaître.',
      'De retour en salle, chacun compose les premières pages de son herbier. Rendez-vous à l’entrée du Muséum, allées Jules-Guesde.'
    ],
    place: 'museum',
    day: 2,
    start: '14:30',
    end: '16:30',
    price: '5 €',
    themes: ['famille', 'nature', 'sciences']
  },
  {
    title: 'Atelier « Monstres et gargouilles »',
    summary: 'Les enfants dessinent et modèlent leur propre gargouille après une visite du cloître des Augustins.',
    body: [
      'Le cloître du musée des Augustins abrite une étonnante collection de gargouilles aux visages grimaçants. Après les avoir observées, les enfants inventent leur propre créature en argile.',
      'Pour les 7-12 ans, sans les parents. Tenue qui ne craint rien conseillée.'
    ],
    place: 'augustins',
    day: 8,
    weekday: 3,
    start: '10:30',
    end: '12:00',
    price: '6 €',
    themes: ['famille', 'musees', 'artisanat']
  },
  {
    title: 'Stade Toulousain : match de championnat à Ernest-Wallon',
    summary: 'Ambiance rouge et noir à Ernest-Wallon pour un choc du championnat de France de rugby.',
    body: [
      'Le club le plus titré de France reçoit l’un de ses grands rivaux dans son antre d’Ernest-Wallon. Les tribunes ouvrent deux heures avant le coup d’envoi, avec animations et bandas sur le parvis.',
      'Navettes depuis le métro Borderouge. Le stade étant à l’écart du centre, mieux vaut éviter la voiture.'
    ],
    place: 'ernestWallon',
    day: 25,
    weekday: 6,
    start: '21:05',
    end: '22:45',
    price: 'De 25 à 90 €',
    themes: ['sport', 'vie-nocturne']
  },
  {
    title: 'Rugby : retransmission géante place du Capitole',
    summary: 'Écran géant et ambiance de fête sur la place du Capitole pour suivre le match du Stade Toulousain.',
    body: [
      'Pas de billet ? Pas de problème : le match est retransmis sur un écran géant installé devant le Capitole. Ouverture de la place à 19 h, avec une banda pour chauffer l’ambiance.',
      'Accès filtré, sacs volumineux interdits. Buvette sur place ; venez avec un drapeau rouge et noir !'
    ],
    place: 'placeCapitole',
    day: 11,
    weekday: 6,
    start: '21:00',
    end: '23:00',
    price: 'Gratuit',
    themes: ['sport', 'vie-nocturne', 'famille']
  },
  {
    title: 'Les Foulées du canal',
    summary: 'Course de 10 km et marche de 5 km le long du canal du Midi, sous les platanes, au départ du port Saint-Sauveur.',
    body: [
      'Le parcours, entièrement plat, suit le chemin de halage du canal du Midi jusqu’au port de l’Embouchure et revient sur l’autre rive. Une course enfants de 1 km est organisée à 9 h.',
      'Inscriptions en ligne ou sur place jusqu’à 30 minutes avant le départ. Une partie des recettes est reversée à l’entretien des berges.'
    ],
    place: 'canalMidi',
    day: 30,
    weekday: 7,
    start: '09:30',
    end: '12:30',
    price: '15 €, gratuit pour la course enfants',
    themes: ['sport', 'nature', 'famille']
  },
  {
    title: 'Yoga au Jardin Japonais',
    summary: 'Une séance de yoga doux au lever du jour, au bord du bassin du Jardin Japonais Pierre Baudis.',
    body: [
      'Entre le pont rouge et le pavillon de thé, une professeure propose une heure de yoga accessible à tous les niveaux. Le calme du jardin à cette heure matinale est incomparable.',
      'Apporter son tapis. Séance annulée en cas de pluie.'
    ],
    place: 'jardinJaponais',
    day: 4,
    start: '08:30',
    end: '09:30',
    price: 'Gratuit',
    themes: ['sport', 'nature']
  },
  {
    title: 'Toulouse à la lanterne, balade contée',
    summary: 'Légendes, crimes et fantômes des capitouls : une balade nocturne à la lanterne dans les ruelles du centre.',
    body: [
      'Le conteur vous attend au pied de Saint-Sernin, lanterne à la main. De la rue du Taur à la place Saint-Pierre, il ressuscite les histoires qui ont fait frémir les Toulousains : le martyre de saint Saturnin, l’affaire Calas, les revenants du Bazacle…',
      'Durée : 1 h 45. Chaussures confortables conseillées ; réservation indispensable, groupes de 25 personnes au maximum.'
    ],
    place: 'saintSernin',
    day: 3,
    start: '21:00',
    end: '22:45',
    price: '12 €',
    themes: ['balades', 'patrimoine', 'vie-nocturne'],
    featured: true
  },
  {
    title: 'Visite guidée : les hôtels particuliers du pastel',
    summary: 'Assézat, Bernuy, Pierre : sur les traces des marchands de pastel qui firent la fortune de Toulouse.',
    body: [
      'Au XVIᵉ siècle, la culture du pastel, plante dont on tirait une teinture bleue, fait de Toulouse l’une des villes les plus riches d’Europe. Les marchands rivalisent alors de tours et de cours d’honneur.',
      'Cette visite de deux heures conduit de l’hôtel de Bernuy à l’hôtel d’Assézat en passant par l’hôtel de Pierre, avec l’accès exceptionnel à deux cours privées.'
    ],
    place: 'bernuy',
    day: 5,
    weekday: 6,
    start: '10:30',
    end: '12:30',
    price: '9 €',
    themes: ['balades', 'patrimoine']
  },
  {
    title: 'Visite commentée du Capitole',
    summary: 'Salle des Illustres, salle Henri-Martin, salle du conseil : les décors du Capitole racontés par un guide.',
    body: [
      'Le Capitole est à la fois l’hôtel de ville et l’un des plus beaux décors du XIXᵉ siècle de Toulouse. La visite vous emmène de la salle des Illustres aux grandes toiles d’Henri Martin, qui peignit les bords de Garonne et les saisons.',
      'Visite gratuite de 45 minutes, sous réserve des cérémonies officielles.'
    ],
    place: 'capitole',
    day: 1,
    start: '14:00',
    end: '14:45',
    price: 'Gratuit',
    themes: ['balades', 'patrimoine']
  },
  {
    title: 'Nocturne aux Abattoirs',
    summary: 'Le musée d’art moderne et contemporain ouvre ses portes le soir : visites flash, DJ set et bar dans le jardin.',
    body: [
      'Une fois par saison, les Abattoirs veillent tard. Médiateurs et artistes proposent des visites flash de quinze minutes dans les collections, dont le grand rideau de scène peint d’après Picasso.',
      'Un DJ set anime le jardin Raymond VI jusqu’à la fermeture. Entrée gratuite pour les moins de 26 ans.'
    ],
    place: 'abattoirs',
    day: 16,
    start: '19:00',
    end: '23:00',
    price: '5 €, gratuit pour les moins de 26 ans',
    themes: ['musees', 'expositions', 'vie-nocturne']
  },
  {
    title: 'Exposition « Garonne, fleuve vivant »',
    summary: 'Photographies, maquettes et archives racontent le fleuve et ses crues à l’Espace EDF Bazacle.',
    body: [
      'Installée dans l’ancienne usine hydroélectrique du Bazacle, l’exposition retrace l’histoire d’un fleuve capricieux : les moulins médiévaux, la crue dévastatrice de 1875, les pêcheurs de saumon d’autrefois.',
      'La visite se termine sur la terrasse qui domine la chaussée du Bazacle ; de la passe à poissons, on observe parfois les aloses et les anguilles qui remontent le courant.'
    ],
    place: 'bazacle',
    day: -12,
    start: '14:00',
    end: '19:00',
    endDay: 55,
    price: 'Gratuit',
    themes: ['expositions', 'nature', 'patrimoine']
  },
  {
    title: 'Exposition « Regards sur la ville rose »',
    summary: 'Quatre photographes posent leur regard sur Toulouse, des toits de brique aux nuits de la Garonne.',
    body: [
      'Le Château d’Eau, l’une des plus anciennes galeries publiques consacrées à la photographie en France, confie ses murs à quatre photographes qui ont arpenté Toulouse pendant un an.',
      'Marchés à l’aube, supporters un soir de match, reflets sur le canal : une ville familière et pourtant surprenante.'
    ],
    place: 'chateauEau',
    day: -5,
    start: '13:00',
    end: '19:00',
    endDay: 50,
    price: '4 €, gratuit le premier dimanche du mois',
    themes: ['expositions']
  },
  {
    title: 'Conférence : les oiseaux de la Garonne',
    summary: 'Hérons, martins-pêcheurs et cormorans : un ornithologue présente la faune ailée des berges toulousaines.',
    body: [
      'La Garonne traverse Toulouse sans perdre ses habitants à plumes. Un ornithologue du Muséum explique comment les reconnaître et où les observer, de la Prairie des Filtres à l’île du Ramier.',
      'Une sortie d’observation gratuite est proposée le samedi suivant aux participants.'
    ],
    place: 'museum',
    day: 10,
    start: '18:30',
    end: '20:00',
    price: 'Gratuit',
    themes: ['nature', 'sciences']
  },
  {
    title: 'Soirée astronomie à la Cité de l’espace',
    summary: 'Observation du ciel aux télescopes, planétarium et conférence sur les missions martiennes.',
    body: [
      'À la nuit tombée, les animateurs de la Cité de l’espace installent leurs télescopes dans le parc, à l’ombre de la réplique de la fusée Ariane 5. Au programme : cratères de la Lune, anneaux de Saturne et nébuleuses.',
      'En cas de ciel couvert, la soirée se poursuit au planétarium. Réservation conseillée.'
    ],
    place: 'citeEspace',
    day: 18,
    start: '20:30',
    end: '23:00',
    price: '14 €, 10 € pour les enfants',
    themes: ['sciences', 'famille', 'vie-nocturne']
  },
  {
    title: 'Festival « Lumières sur la Garonne »',
    summary: 'Trois soirs de projections monumentales et de spectacles de feu le long des quais, de la Daurade au Pont Neuf.',
    body: [
      'Pendant trois soirs, les façades du quai de la Daurade, les arches du Pont Neuf et le dôme de la Grave deviennent les écrans d’artistes vidéastes. Le parcours se fait à pied, à son rythme, en une heure environ.',
      'Des compagnies de cirque et de feu se produisent sur la Prairie des Filtres à 22 h et 23 h. Les ponts sont fermés à la circulation pendant les soirées.',
      'Gratuit et sans réservation. Venir en métro ou à vélo : les parkings du centre sont vite saturés.'
    ],
    place: 'quaiDaurade',
    day: 28,
    start: '21:00',
    end: '23:59',
    endDay: 2,
    price: 'Gratuit',
    themes: ['expositions', 'vie-nocturne', 'famille'],
    featured: true
  },
  {
    title: 'Promenade des Machines',
    summary: 'Le Minotaure de la compagnie La Machine sort de sa halle pour une déambulation dans le quartier de Montaudran.',
    body: [
      'Haut de quatorze mètres, le Minotaure de la Halle de La Machine quitte son abri pour une promenade sur la piste des Géants, l’ancienne piste de l’Aéropostale.',
      'La balade dure une heure environ ; mieux vaut arriver en avance pour trouver une place le long du parcours.'
    ],
    place: 'halleMachine',
    day: 23,
    weekday: 7,
    start: '15:00',
    end: '16:00',
    price: 'Gratuit',
    themes: ['famille', 'sciences']
  },
  // Already past: they show how the app drops finished events.
  {
    title: 'Récital de lieder à la Halle aux Grains',
    summary: 'Schubert et Schumann par un baryton et un pianiste, pour une soirée intimiste.',
    body: [
      'Le Voyage d’hiver de Schubert, vingt-quatre poèmes mis en musique, sans doute le plus beau cycle de lieder jamais écrit, interprété dans la configuration « salle réduite » de la Halle aux Grains.',
      'Les paroles en allemand et leur traduction française étaient distribuées à l’entrée.'
    ],
    place: 'halleGrains',
    day: -3,
    start: '20:00',
    end: '21:20',
    price: 'De 10 à 35 €',
    themes: ['opera', 'concerts']
  },
  {
    title: 'Visite nocturne du couvent des Jacobins',
    summary: 'Le « palmier » des Jacobins éclairé à la bougie, pour une visite à la tombée de la nuit.',
    body: [
      'Le temps d’un soir, l’église des Jacobins n’était éclairée que par des bougies : le célèbre pilier en palmier déployait ses nervures dans la pénombre.',
      'Une conférencière racontait la fondation de l’ordre des Prêcheurs à Toulouse par saint Dominique.'
    ],
    place: 'jacobins',
    day: -1,
    start: '21:00',
    end: '22:30',
    price: '8 €',
    themes: ['patrimoine', 'balades', 'vie-nocturne']
  },
  {
    title: 'Marché aux fleurs du cours Dillon',
    summary: 'Horticulteurs et pépiniéristes de la région avaient installé leurs plants et bouquets sur le cours Dillon.',
    body: [
      'Vivaces, aromatiques, rosiers anciens et violettes de Toulouse : une trentaine d’horticulteurs de la région étaient réunis au bord de la Garonne.',
      'Des jardiniers de la ville donnaient des conseils de plantation pour les balcons du centre-ville.'
    ],
    place: 'prairieFiltres',
    day: -8,
    start: '08:00',
    end: '18:00',
    price: 'Gratuit',
    themes: ['nature', 'marches']
  }
];
