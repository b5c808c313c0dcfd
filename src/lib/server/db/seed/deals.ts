/** Shop deals, valid from the start of `from` to the end of `to` (days after the seeding day). */
export interface DealSeed {
  shop: string;
  title: string;
  details: string;
  from: number;
  to: number;
  status?: 'pending' | 'published';
}

export const dealSeeds: DealSeed[] = [
  {
    shop: 'les-pages-roses',
    title: '-20 % sur les romans policiers',
    details: 'Sur tous les romans policiers en grand format et en poche, dans la limite des stocks.',
    from: -4,
    to: 10
  },
  {
    shop: 'petales-et-briques',
    title: 'Un bouquet acheté = un offert le mardi',
    details: 'Chaque mardi, pour tout bouquet du jour acheté, le second est offert. Valable sur le bouquet du jour uniquement.',
    from: -10,
    to: 21
  },
  {
    shop: 'le-fournil-des-carmes',
    title: 'La 6ᵉ chocolatine offerte',
    details: 'Pour cinq chocolatines achetées, la sixième est offerte, tous les jours avant 10 h.',
    from: -2,
    to: 30
  },
  {
    shop: 'la-cave-a-tommes',
    title: 'Plateau Sud-Ouest à 20 €',
    details: 'Le plateau dégustation de quatre fromages de la région au lieu de 24 €, sur réservation en click & collect.',
    from: -1,
    to: 13
  },
  {
    shop: 'le-cep-toulousain',
    title: '3 Fronton achetés, le 4ᵉ offert',
    details: 'Sur toute la gamme des vins de Fronton. L’abus d’alcool est dangereux pour la santé.',
    from: -6,
    to: 8
  },
  {
    shop: 'cacao-capitole',
    title: '-15 % sur les coffrets de ganaches',
    details: 'Sur les coffrets de 24 pièces et plus, pour faire plaisir ou se faire plaisir.',
    from: 0,
    to: 14
  },
  {
    shop: 'atelier-garonne',
    title: 'Retouches offertes et -10 % sur les chemises',
    details: 'Pour l’achat d’une chemise, la retouche des manches est offerte et une remise de 10 % appliquée.',
    from: -3,
    to: 18
  },
  {
    shop: 'le-coffre-a-jouets',
    title: '-25 % sur les jeux de société',
    details: 'Sur une sélection de jeux de société familiaux et coopératifs.',
    from: -5,
    to: 9
  },
  {
    shop: 'melee-sport',
    title: 'Analyse de foulée + chaussettes offertes',
    details: 'Pour l’achat d’une paire de chaussures de course, une paire de chaussettes techniques offerte.',
    from: -7,
    to: 24
  },
  {
    shop: 'sillons-du-taur',
    title: '3 vinyles d’occasion pour 12 €',
    details: 'Dans le bac à 5 €, trois disques pour 12 €.',
    from: -12,
    to: 16
  },
  {
    shop: 'savonnerie-des-changes',
    title: 'Un savon à la violette offert dès 25 € d’achat',
    details: 'Dans la limite des stocks disponibles.',
    from: -2,
    to: 12
  },
  {
    shop: 'encre-et-brique',
    title: '-10 % sur les carnets reliés main',
    details: 'Sur tous les carnets fabriqués à l’atelier.',
    from: -1,
    to: 20
  },
  {
    shop: 'torrefaction-des-carmes',
    title: 'Le 250 g d’assemblage « Capitole » à 7,50 €',
    details: 'Au lieu de 8,90 €, moulu à la demande.',
    from: -4,
    to: 6
  },
  {
    shop: 'boucherie-du-cassoulet',
    title: 'Kit cassoulet : la recette et la cassole offertes',
    details: 'Pour tout kit cassoulet de huit personnes commandé en click & collect.',
    from: -8,
    to: 22
  },
  // Already expired.
  {
    shop: 'maison-pastel',
    title: 'Soldes d’atelier : -30 % sur le lin',
    details: 'Sur les pièces en lin de la collection précédente.',
    from: -30,
    to: -3
  },
  {
    shop: 'epicerie-de-la-violette',
    title: 'Le sirop de violette à 6 €',
    details: 'Offre de lancement de notre nouveau sirop.',
    from: -21,
    to: -1
  },
  // Starting soon.
  {
    shop: 'or-rose',
    title: 'Gravure offerte sur les alliances',
    details: 'Pour toute commande d’alliances passée pendant la quinzaine du mariage.',
    from: 3,
    to: 17
  },
  {
    shop: 'terre-et-brique',
    title: '-20 % sur les cours de tournage',
    details: 'Pour toute inscription à un cours d’initiation du samedi matin.',
    from: 5,
    to: 26
  },
  // Waiting for moderation: not part of the public catalog.
  {
    shop: 'lumieres-d-occitanie',
    title: 'Deux bougies achetées, la troisième offerte',
    details: 'Sur toute la gamme de bougies parfumées.',
    from: 1,
    to: 15,
    status: 'pending'
  }
];
