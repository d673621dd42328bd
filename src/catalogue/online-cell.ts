import type { Procedure } from '../knowledge/schema.js';
import { foldText } from '../text/fold.js';

// Online availability from the catalogue's "Mức độ dịch vụ công trực tuyến" ("Toàn trình",
// "Một phần", "Mức độ 4/3/2") and, where that is empty, "Cách thức thực hiện" (the ways to
// submit: "Trực tiếp; Trực tuyến; Dịch vụ bưu chính"). Neither cell saying: unknown.

type Availability = Procedure['online']['availability'];

function fromLevel(level: string): Availability | undefined {
  const f = foldText(level);
  if (!f) return undefined;
  if (/toan trinh|muc( do)? 4\b|^4$/.test(f)) return 'full';
  if (/mot phan|muc( do)? 3\b|^3$/.test(f)) return 'partial';
  if (/muc( do)? [12]\b|^[12]$|cung cap thong tin|khong|chua/.test(f)) return 'none';
  return undefined;
}

const ONLINE_METHOD = /truc tuyen|qua mang|dien tu|cong dich vu cong|dichvucong|online|internet/;
const OFFLINE_METHOD = /truc tiep|buu chinh|buu dien/;

function fromMethods(methods: string): Availability | undefined {
  const f = foldText(methods);
  if (!f) return undefined;
  if (ONLINE_METHOD.test(f)) return 'partial';
  if (OFFLINE_METHOD.test(f)) return 'none';
  return undefined;
}

export function readOnline(level: string | undefined, methods: string | undefined, url: string | undefined): Procedure['online'] {
  const availability = fromLevel(level ?? '') ?? fromMethods(methods ?? '') ?? 'unknown';
  const link = url?.trim() && isUrl(url.trim()) ? url.trim() : null;
  const note = methods?.replace(/\s*\r?\n\s*/g, '; ').replace(/\s+/g, ' ').trim();
  return { availability, url: availability === 'none' ? null : link, ...(note ? { note } : {}) };
}

function isUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** "Cấp tỉnh", "Cấp xã", "Cấp bộ": the first level the cell names. */
export function readLevel(cell: string | undefined): Procedure['level'] {
  const f = foldText(cell ?? '');
  const found = [
    { at: f.search(/\bxa\b|phuong|thi tran/), level: 'commune' as const },
    { at: f.search(/\btinh\b|huyen|thanh pho|quan\b/), level: 'province' as const },
    { at: f.search(/\bbo\b|trung uong|quoc gia|co quan khac/), level: 'central' as const },
  ].filter((x) => x.at >= 0).sort((a, b) => a.at - b.at);
  return found[0]?.level ?? null;
}
