import type { WeeklyHours } from '../schema';

type Range = [string, string];
type Day = '1' | '2' | '3' | '4' | '5' | '6' | '7';

function week(days: Day[], ranges: Range[], extra: WeeklyHours = {}): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const d of days) hours[d] = ranges.map((r) => [r[0], r[1]] as Range);
  return { ...hours, ...extra };
}

const TUE_SAT: Day[] = ['2', '3', '4', '5', '6'];
const MON_SAT: Day[] = ['1', '2', '3', '4', '5', '6'];

/** Typical opening hours of city-centre shops (ISO weekdays, Europe/Paris wall clock). */
export const hoursTemplates = {
  /** Independent shop with a lunch break, closed Sunday and Monday. */
  classic: week(TUE_SAT, [
    ['10:00', '13:00'],
    ['14:00', '19:00']
  ]),
  /** Same, but opens Monday afternoon. */
  classicMonday: week(
    TUE_SAT,
    [
      ['10:00', '13:00'],
      ['14:00', '19:00']
    ],
    { '1': [['14:00', '19:00']] }
  ),
  /** Shop on a busy street, open through lunch. */
  continuous: week(MON_SAT, [['10:00', '19:00']]),
  /** Fashion on rue d’Alsace-Lorraine: continuous, Monday from 11:00. */
  fashion: week(['2', '3', '4', '5', '6'], [['10:00', '19:30']], { '1': [['11:00', '19:00']] }),
  /** Bakery: early mornings, Sunday morning, closed Monday. */
  bakery: week(TUE_SAT, [['07:00', '19:30']], { '7': [['07:00', '13:00']] }),
  /** Fresh food: break in the afternoon, Sunday morning. */
  freshFood: week(
    TUE_SAT,
    [
      ['08:00', '13:00'],
      ['16:00', '19:30']
    ],
    { '7': [['08:00', '12:30']] }
  ),
  /** Wine shop: late afternoon opening. */
  wine: week(TUE_SAT, [
    ['10:00', '13:00'],
    ['15:00', '20:00']
  ]),
  /** Coffee roaster / tea room. */
  cafe: week(MON_SAT, [['08:30', '19:00']]),
  /** Florist: open Sunday morning, closed Monday. */
  florist: week(
    TUE_SAT,
    [
      ['09:30', '13:00'],
      ['14:30', '19:30']
    ],
    { '7': [['09:00', '13:00']] }
  ),
  /** Craft workshop that sells: short afternoons. */
  workshop: week(['3', '4', '5', '6'], [
    ['11:00', '13:00'],
    ['14:30', '19:00']
  ])
} satisfies Record<string, WeeklyHours>;

export type HoursTemplate = keyof typeof hoursTemplates;
