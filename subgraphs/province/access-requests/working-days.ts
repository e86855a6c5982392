/**
 * Working days (工作日) for the deadlines of cross-region requests (异地查档). Dates are
 * calendar days in China Standard Time (protocol/china-time.ts), written YYYY-MM-DD.
 * Saturdays and Sundays are not working days.
 *
 * Public holidays (法定节假日) and the weekend days worked in exchange (调休) are NOT
 * modelled: the State Council publishes them a year at a time, so a deadline that spans
 * 春节 or 国庆 comes earlier than an archivist would count it.
 */

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `days` working days after `date`: a request submitted on a Friday with a deadline
 * of 1 working day is due the next Monday, whatever the day of submission counts.
 */
export function addWorkingDays(date: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${days}.`);
  let day = dayNumber(date);
  let left = days;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(dateOf(day))) left -= 1;
  }
  return dateOf(day);
}

/** How many working days lie after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= dayNumber(to); day += 1) {
    if (isWorkingDay(dateOf(day))) count += 1;
  }
  return count;
}
