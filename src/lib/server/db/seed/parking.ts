import type { WeeklyHours } from '../schema';

/** Real public car parks of central Toulouse (approximate capacity and prices). */
export interface ParkingSeed {
  name: string;
  address: string;
  lat: number;
  lng: number;
  capacity: number;
  hourlyPriceCents: number;
  tip: string;
  /** null: open 24/7. */
  openingHours: WeeklyHours | null;
}

const everyDay = (open: string, close: string): WeeklyHours => {
  const hours: WeeklyHours = {};
  for (const d of ['1', '2', '3', '4', '5', '6', '7'] as const) hours[d] = [[open, close]];
  return hours;
};

export const parkingSeeds: ParkingSeed[] = [
  {
    name: 'Parking Capitole',
    address: 'Place du Capitole, 31000 Toulouse',
    lat: 43.6048,
    lng: 1.4436,
    capacity: 640,
    hourlyPriceCents: 280,
    tip: 'Au cœur de tout, mais souvent complet le samedi après-midi.',
    openingHours: null
  },
  {
    name: 'Parking Victor-Hugo',
    address: 'Place Victor-Hugo, 31000 Toulouse',
    lat: 43.6058,
    lng: 1.4476,
    capacity: 900,
    hourlyPriceCents: 240,
    tip: 'Idéal pour le marché Victor-Hugo : l’accès au marché se fait par l’ascenseur.',
    openingHours: null
  },
  {
    name: 'Parking Esquirol',
    address: 'Place Esquirol, 31000 Toulouse',
    lat: 43.6001,
    lng: 1.4446,
    capacity: 600,
    hourlyPriceCents: 270,
    tip: 'Pratique pour les rues piétonnes et le musée des Augustins.',
    openingHours: null
  },
  {
    name: 'Parking des Carmes',
    address: 'Place des Carmes, 31000 Toulouse',
    lat: 43.5979,
    lng: 1.4447,
    capacity: 400,
    hourlyPriceCents: 250,
    tip: 'Juste au-dessus du marché des Carmes ; plus calme en semaine.',
    openingHours: everyDay('06:30', '23:30')
  },
  {
    name: 'Parking Saint-Étienne',
    address: 'Place Saint-Étienne, 31000 Toulouse',
    lat: 43.6003,
    lng: 1.4522,
    capacity: 500,
    hourlyPriceCents: 220,
    tip: 'Pour la cathédrale, la Halle aux Grains et le quartier des antiquaires.',
    openingHours: null
  },
  {
    name: 'Parking Jean-Jaurès',
    address: 'Allées Jean-Jaurès, 31000 Toulouse',
    lat: 43.607,
    lng: 1.4502,
    capacity: 520,
    hourlyPriceCents: 230,
    tip: 'À deux pas du métro Jean-Jaurès, où se croisent les lignes A et B.',
    openingHours: null
  },
  {
    name: 'Parking Arnaud-Bernard',
    address: 'Place Arnaud-Bernard, 31000 Toulouse',
    lat: 43.6103,
    lng: 1.4407,
    capacity: 480,
    hourlyPriceCents: 190,
    tip: 'Moins cher que le Capitole et à cinq minutes à pied de Saint-Sernin.',
    openingHours: null
  },
  {
    name: 'Parking Saint-Cyprien – République',
    address: 'Rue de la République, 31300 Toulouse',
    lat: 43.5984,
    lng: 1.4328,
    capacity: 380,
    hourlyPriceCents: 180,
    tip: 'Gratuit le dimanche ; idéal pour les Abattoirs et le marché Saint-Cyprien.',
    openingHours: everyDay('07:00', '21:00')
  },
  {
    name: 'Parking Jeanne-d’Arc',
    address: 'Place Jeanne-d’Arc, 31000 Toulouse',
    lat: 43.611,
    lng: 1.4469,
    capacity: 550,
    hourlyPriceCents: 210,
    tip: 'Souvent des places libres quand le centre est complet.',
    openingHours: null
  },
  {
    name: 'Parking Compans-Caffarelli',
    address: 'Boulevard Lascrosses, 31000 Toulouse',
    lat: 43.6112,
    lng: 1.4347,
    capacity: 700,
    hourlyPriceCents: 170,
    tip: 'À côté du Jardin Japonais ; le métro B rejoint le centre en deux stations.',
    openingHours: null
  },
  {
    name: 'Parc relais Basso-Cambo',
    address: 'Avenue du Général-Eisenhower, 31100 Toulouse',
    lat: 43.5699,
    lng: 1.3923,
    capacity: 900,
    hourlyPriceCents: 0,
    tip: 'Gratuit avec un titre de transport Tisséo : garez-vous et prenez le métro A.',
    openingHours: everyDay('05:00', '23:59')
  }
];
