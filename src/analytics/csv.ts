import { stringify } from 'csv-stringify/sync';
import type { AnalyticsReport, DayRow } from './report.js';

// The report as CSV for a spreadsheet: one row per day of the range, then the whole range.

const COLUMNS = [
  'date', 'conversations', 'messages', 'understood', 'understood_rate', 'handoffs',
  'thumbs_up', 'thumbs_down', 'satisfaction', 'ratings', 'rating_average', 'latency_p50_ms', 'latency_p95_ms',
];

const round = (x: number | null, digits = 4): number | string => (x === null ? '' : Number(x.toFixed(digits)));

function row(date: string, d: Omit<DayRow, 'date'>): Array<string | number> {
  return [
    date, d.conversations, d.messages, d.understood, round(d.messages ? d.understood / d.messages : null), d.handoffs,
    d.feedback.up, d.feedback.down, round(d.satisfaction), d.ratings.count, round(d.ratings.average, 2),
    d.latency.p50 ?? '', d.latency.p95 ?? '',
  ];
}

export function reportCsv(report: AnalyticsReport): string {
  const total = row(`${report.from}..${report.to}`, { ...report, ratings: { count: report.rating.count, average: report.rating.average } });
  return stringify([COLUMNS, ...report.byDay.map((d) => row(d.date, d)), total]);
}
