import type { ThemeSlug } from '../themes';
import type { PlaceKey } from './places';

/** An event whose dates are relative to the seeding moment (Europe/Paris wall clock). */
export interface EventSeed {
  title: string;
  /** One sentence, at most 140 characters. */
  summary: string;
  /** Short paragraphs, joined with blank lines. */
  body: string[];
  place: PlaceKey;
  /** Days after today (negative: in the past). */
  day: number;
  /** Moves `day` forward to the next date with this ISO weekday (1 = Monday … 7 = Sunday). */
  weekday?: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** Local start time "HH:MM". */
  start: string;
  /** Local end time "HH:MM"; on the next day when earlier than `start` (unless `endDay` is set). */
  end?: string;
  /** Days between the start day and the end day (exhibitions, festivals). */
  endDay?: number;
  price?: string;
  themes: ThemeSlug[];
  featured?: boolean;
}

/** Heritage, culture, leisure and news items. */
export interface EditorialSeed {
  title: string;
  summary: string;
  body: string[];
  place?: PlaceKey;
  price?: string;
  themes: ThemeSlug[];
  featured?: boolean;
  /** For news: how many days ago it was published. */
  daysAgo?: number;
  /** Kept as a draft (not in the public catalog). */
  draft?: boolean;
}
