/**
 * A shop's week of opening hours as rows for display (shop and item pages). Apart from hours.ts,
 * whose "open now" the feed's cards need on the first load of `/`, so that the feed does not carry it.
 */
import type { IsoWeekday, WeeklyHours } from './types';
import { isoWeekdays, parseHHMM } from './hours';

export interface ScheduleRow {
  day: IsoWeekday;
  /** Sorted by opening time; empty when closed all day. */
  ranges: [string, string][];
  closed: boolean;
  /** Open around the clock that day (null hours, or a single 00:00–24:00 range). */
  allDay: boolean;
}

/** Monday → Sunday rows for display. */
export function weekSchedule(hours: WeeklyHours | null): ScheduleRow[] {
  return isoWeekdays.map((day) => {
    if (hours === null) return { day, ranges: [['00:00', '24:00']], closed: false, allDay: true };
    const ranges = (hours[day] ?? [])
      .filter((r) => parseHHMM(r[0]) !== null && parseHHMM(r[1]) !== null)
      .map((r): [string, string] => [r[0], r[1]])
      .sort((a, b) => (parseHHMM(a[0]) ?? 0) - (parseHHMM(b[0]) ?? 0));
    const allDay = ranges.length === 1 && ranges[0][0] === '00:00' && (ranges[0][1] === '24:00' || ranges[0][1] === '00:00');
    return { day, ranges, closed: ranges.length === 0, allDay };
  });
}
