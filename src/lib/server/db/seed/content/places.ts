/**
 * Real public places of Toulouse with approximate coordinates (WGS 84). Shared by the editorial
 * content so that an event at the Halle aux Grains sits where the hall really is.
 */
export interface Place {
  name: string;
  address: string;
  lat: number;
  lng: number;
}

export const places = {
  capitole: { name: 'Capitole', address: 'Place du Capitole, 31000 Toulouse', lat: 43.6045, lng: 1.4442 },
  placeCapitole: { name: 'Place du Capitole', address: 'Place du Capitole, 31000 Toulouse', lat: 43.6044, lng: 1.4432 },
  theatreCapitole: { name: 'Théâtre du Capitole', address: 'Place du Capitole, 31000 Toulouse', lat: 43.604, lng: 1.4443 },
  donjon: { name: 'Donjon du Capitole', address: 'Square Charles-de-Gaulle, 31000 Toulouse', lat: 43.6041, lng: 1.4456 },
  saintSernin: { name: 'Basilique Saint-Sernin', address: 'Place Saint-Sernin, 31000 Toulouse', lat: 43.6086, lng: 1.442 },
  saintRaymond: { name: 'Musée Saint-Raymond', address: '1 ter place Saint-Sernin, 31000 Toulouse', lat: 43.6079, lng: 1.4413 },
  jacobins: { name: 'Couvent des Jacobins', address: 'Parvis des Jacobins, 31000 Toulouse', lat: 43.6036, lng: 1.4402 },
  saintEtienne: { name: 'Cathédrale Saint-Étienne', address: 'Place Saint-Étienne, 31000 Toulouse', lat: 43.6, lng: 1.4513 },
  assezat: { name: 'Hôtel d’Assézat – Fondation Bemberg', address: 'Place d’Assézat, 31000 Toulouse', lat: 43.6006, lng: 1.4419 },
  augustins: { name: 'Musée des Augustins', address: '21 rue de Metz, 31000 Toulouse', lat: 43.6006, lng: 1.4467 },
  abattoirs: { name: 'Les Abattoirs', address: '76 allées Charles-de-Fitte, 31300 Toulouse', lat: 43.6013, lng: 1.4293 },
  pontNeuf: { name: 'Pont Neuf', address: 'Pont Neuf, 31000 Toulouse', lat: 43.5996, lng: 1.4395 },
  jardinPlantes: { name: 'Jardin des Plantes', address: '31 allées Jules-Guesde, 31000 Toulouse', lat: 43.5931, lng: 1.4521 },
  museum: { name: 'Muséum de Toulouse', address: '35 allées Jules-Guesde, 31000 Toulouse', lat: 43.594, lng: 1.4497 },
  jardinJaponais: { name: 'Jardin Japonais Pierre Baudis', address: 'Boulevard Lascrosses, 31000 Toulouse', lat: 43.6117, lng: 1.4335 },
  canalMidi: { name: 'Canal du Midi – Port Saint-Sauveur', address: 'Port Saint-Sauveur, 31400 Toulouse', lat: 43.5955, lng: 1.458 },
  halleGrains: { name: 'Halle aux Grains', address: '1 place Dupuy, 31000 Toulouse', lat: 43.5999, lng: 1.4553 },
  victorHugo: { name: 'Marché Victor-Hugo', address: 'Place Victor-Hugo, 31000 Toulouse', lat: 43.6056, lng: 1.4478 },
  carmes: { name: 'Marché des Carmes', address: 'Place des Carmes, 31000 Toulouse', lat: 43.598, lng: 1.4446 },
  prairieFiltres: { name: 'Prairie des Filtres', address: 'Cours Dillon, 31300 Toulouse', lat: 43.597, lng: 1.438 },
  placeSaintPierre: { name: 'Place Saint-Pierre', address: 'Place Saint-Pierre, 31000 Toulouse', lat: 43.604, lng: 1.4373 },
  bernuy: { name: 'Hôtel de Bernuy', address: '1 rue Léon-Gambetta, 31000 Toulouse', lat: 43.6031, lng: 1.4421 },
  quaiDaurade: { name: 'Quai de la Daurade', address: 'Quai de la Daurade, 31000 Toulouse', lat: 43.6012, lng: 1.4393 },
  daurade: { name: 'Basilique Notre-Dame de la Daurade', address: '1 place de la Daurade, 31000 Toulouse', lat: 43.6016, lng: 1.4396 },
  taur: { name: 'Église Notre-Dame du Taur', address: '12 rue du Taur, 31000 Toulouse', lat: 43.6063, lng: 1.443 },
  hotelDieu: { name: 'Hôtel-Dieu Saint-Jacques', address: '2 rue Viguerie, 31300 Toulouse', lat: 43.5994, lng: 1.4372 },
  grave: { name: 'Dôme de la Grave', address: 'Place Lange, 31300 Toulouse', lat: 43.5994, lng: 1.4344 },
  theatreGaronne: { name: 'Théâtre Garonne', address: '1 avenue du Château-d’Eau, 31300 Toulouse', lat: 43.605, lng: 1.432 },
  sorano: { name: 'Théâtre Sorano', address: '35 allées Jules-Guesde, 31000 Toulouse', lat: 43.5955, lng: 1.452 },
  cinematheque: { name: 'Cinémathèque de Toulouse', address: '69 rue du Taur, 31000 Toulouse', lat: 43.6075, lng: 1.4424 },
  bazacle: { name: 'Espace EDF Bazacle', address: '11 quai Saint-Pierre, 31000 Toulouse', lat: 43.6055, lng: 1.4338 },
  paulDupuy: { name: 'Musée Paul-Dupuy', address: '13 rue de la Pleau, 31000 Toulouse', lat: 43.5972, lng: 1.4478 },
  chateauEau: { name: 'Le Château d’Eau', address: '1 place Laganne, 31300 Toulouse', lat: 43.5991, lng: 1.4364 },
  raymond6: { name: 'Jardin Raymond VI', address: 'Allées Charles-de-Fitte, 31300 Toulouse', lat: 43.602, lng: 1.4302 },
  grandRond: { name: 'Jardin du Grand Rond', address: 'Boulevard des Récollets, 31000 Toulouse', lat: 43.596, lng: 1.4533 },
  labit: { name: 'Musée Georges-Labit', address: '17 rue du Japon, 31400 Toulouse', lat: 43.5906, lng: 1.4589 },
  quaiSavoirs: { name: 'Quai des Savoirs', address: '39 allées Jules-Guesde, 31000 Toulouse', lat: 43.5927, lng: 1.4508 },
  bep: { name: 'Bibliothèque d’Étude et du Patrimoine', address: '1 rue de Périgord, 31000 Toulouse', lat: 43.6088, lng: 1.4437 },
  vieuxToulouse: { name: 'Musée du Vieux Toulouse', address: '7 rue du May, 31000 Toulouse', lat: 43.6031, lng: 1.444 },
  cabanis: { name: 'Médiathèque José-Cabanis', address: '1 allée Jacques-Chaban-Delmas, 31500 Toulouse', lat: 43.6109, lng: 1.454 },
  dalbade: { name: 'Église Notre-Dame de la Dalbade', address: 'Rue de la Dalbade, 31000 Toulouse', lat: 43.5977, lng: 1.4418 },
  hotelPierre: { name: 'Hôtel de Pierre', address: '25 rue de la Dalbade, 31000 Toulouse', lat: 43.5974, lng: 1.4421 },
  carmelites: { name: 'Chapelle des Carmélites', address: 'Rue de Périgord, 31000 Toulouse', lat: 43.6091, lng: 1.4443 },
  pontsJumeaux: { name: 'Port de l’Embouchure – Ponts-Jumeaux', address: 'Boulevard de la Marquette, 31000 Toulouse', lat: 43.6115, lng: 1.4185 },
  ernestWallon: { name: 'Stade Ernest-Wallon', address: '114 rue des Troènes, 31200 Toulouse', lat: 43.6212, lng: 1.4157 },
  nakache: { name: 'Piscine Alfred-Nakache', address: '3 allée Gabriel-Biénès, 31400 Toulouse', lat: 43.587, lng: 1.4368 },
  citeEspace: { name: 'Cité de l’espace', address: 'Avenue Jean-Gonord, 31500 Toulouse', lat: 43.5866, lng: 1.4933 },
  halleMachine: { name: 'Halle de La Machine', address: '3 avenue de l’Aérodrome-de-Montaudran, 31400 Toulouse', lat: 43.5745, lng: 1.482 },
  placeWilson: { name: 'Place Wilson', address: 'Place Wilson, 31000 Toulouse', lat: 43.605, lng: 1.4487 },
  placeSaintGeorges: { name: 'Place Saint-Georges', address: 'Place Saint-Georges, 31000 Toulouse', lat: 43.6014, lng: 1.448 },
  saintCyprien: { name: 'Marché Saint-Cyprien', address: 'Place Roguet, 31300 Toulouse', lat: 43.5982, lng: 1.431 },
  theatreCite: { name: 'Théâtre de la Cité', address: '1 rue Pierre-Baudis, 31000 Toulouse', lat: 43.6085, lng: 1.4498 },
  jardinRoyal: { name: 'Jardin Royal', address: 'Rue Ozenne, 31000 Toulouse', lat: 43.5968, lng: 1.4512 },
  esquirol: { name: 'Place Esquirol', address: 'Place Esquirol, 31000 Toulouse', lat: 43.6003, lng: 1.4445 },
  placeArnaudBernard: { name: 'Place Arnaud-Bernard', address: 'Place Arnaud-Bernard, 31000 Toulouse', lat: 43.6102, lng: 1.4405 },
  mairie: { name: 'Mairie de Toulouse', address: 'Place du Capitole, 31000 Toulouse', lat: 43.6045, lng: 1.4442 }
} as const satisfies Record<string, Place>;

export type PlaceKey = keyof typeof places;
