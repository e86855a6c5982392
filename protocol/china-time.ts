/**
 * China Standard Time (UTC+8, no daylight saving), where the archives keep their registers:
 * every calendar date a service writes or compares (a visit's day, a grant's last day, a
 * request's deadline, a year of requests) is a day in this zone, written YYYY-MM-DD.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China of an instant; today's by default. */
export function chinaDate(instant: Date | number = Date.now()): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a calendar date (YYYY-MM-DD) begins in China. */
export function startOfDayInChina(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** The instant a calendar date (YYYY-MM-DD) ends in China: the next day's start. */
export function endOfDayInChina(date: string): Date {
  return new Date(startOfDayInChina(date).getTime() + DAY_MS);
}
