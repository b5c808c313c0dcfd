export { eventSeeds } from './events';
export { heritageSeeds } from './heritage';
export { cultureSeeds } from './culture';
export { leisureSeeds } from './leisure';
export { newsSeeds } from './news';
export { places, type Place, type PlaceKey } from './places';
export type { EditorialSeed, EventSeed } from './types';
