import type { Replies } from '../answers/replies.js';

// Dates told to citizens are Vietnam time (UTC+7 all year: no daylight saving), whatever
// offset the portal wrote them with.

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const two = (n: number): string => String(n).padStart(2, '0');

/** "2026-11-05T08:12:00+07:00" → "08:12 ngày 05/11/2026" (the words: reply `dateTime`). */
export function formatVietnamTime(iso: string, replies: Replies): string {
  const t = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  return replies.say('dateTime', {
    time: `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`,
    date: `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`,
  });
}

/** Whole days from `from` to `to` (0 when less than a day). */
export function wholeDaysBetween(from: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / DAY_MS));
}
