import type { Procedure } from '../knowledge/schema.js';
import { foldText } from '../text/fold.js';
import { ACTIONS, FIELDS, SCOPES, type Action, type Field, type ObjectPart, type Scope } from './name-parts.js';

// A synthetic catalogue the size of the national one (6,842 procedures), for benchmarks and
// scale tests: every action × object × scope of name-parts.ts, shuffled by a seeded generator
// and cut to size, with aliases made of the words citizens use. The same size and seed give
// the same catalogue, byte for byte. Names and aliases that the bundled procedures already use
// are skipped, so questions about the bundled procedures still find them.

/** Procedures on the national public-service portal (dichvucong.gov.vn). */
export const NATIONAL_CATALOGUE_SIZE = 6842;

export interface CatalogueOptions {
  /** Procedures in all, the bundled ones included. */
  size: number;
  seed?: number;
}

/** mulberry32: a small, fast, seedable generator; Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Combination {
  action: Action;
  field: Field;
  object: ObjectPart;
  scope: Scope;
}

/** How many distinct procedures the name parts can make. */
export function combinationCount(): number {
  return ACTIONS.length * SCOPES.length * FIELDS.reduce((n, f) => n + f.objects.length, 0);
}

function combinations(random: () => number): Combination[] {
  const all: Combination[] = [];
  for (const field of FIELDS) {
    for (const object of field.objects) {
      for (const action of ACTIONS) for (const scope of SCOPES) all.push({ action, field, object, scope });
    }
  }
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

const join = (...parts: string[]): string => parts.filter(Boolean).join(' ');

function slug(text: string, maxLength = 80): string {
  const full = foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (full.length <= maxLength) return full;
  const cut = full.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : maxLength);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function procedureOf(c: Combination, id: string, aliases: string[], serial: number, random: () => number): Procedure {
  const name = join(c.action.name, c.object.name, c.scope.name);
  const agency = c.scope.level === 'commune' ? 'Ủy ban nhân dân cấp xã' : c.scope.level === 'central' ? 'Bộ quản lý ngành' : c.field.agency;
  const availability = pick(random, ['full', 'partial', 'none'] as const);
  const days = pick(random, [3, 5, 7, 10, 15, 20, 30]);
  return {
    version: 1,
    id,
    name,
    aliases,
    field: c.field.name,
    catalogCode: `S.${String(serial).padStart(6, '0')}`,
    agency,
    level: c.scope.level,
    submitAt: [`Bộ phận một cửa của ${agency}`, 'Cổng Dịch vụ công quốc gia'],
    online: { availability, url: availability === 'none' ? null : 'https://dichvucong.gov.vn' },
    cases: [{
      id: 'chung',
      name: 'Trường hợp chung',
      documents: [
        { name: `Đơn đề nghị ${name.charAt(0).toLowerCase()}${name.slice(1)}`, form: '1 bản chính', optional: false },
        { name: 'Giấy tờ chứng minh đủ điều kiện theo quy định', form: '1 bản sao', optional: false },
      ],
      fees: [{ label: 'Lệ phí', amount: pick(random, [0, 50_000, 100_000, 200_000, 500_000, 1_000_000]) }],
      exemptions: [],
      duration: `${days} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ`,
    }],
    steps: ['Chuẩn bị hồ sơ theo thành phần quy định', `Nộp hồ sơ tại bộ phận một cửa của ${agency} hoặc trực tuyến`, 'Nhận kết quả'],
    legalBasis: [`Văn bản quy định thủ tục trong lĩnh vực ${c.field.name} (dữ liệu mô phỏng)`],
    sources: [],
    caveats: ['Thủ tục mô phỏng để đo hiệu năng, không phải thông tin chính thức.'],
    reviewedAt: '2026-11-22',
  };
}

/**
 * The synthetic procedures that, with `bundled`, make a catalogue of `options.size`.
 * Throws when the name parts cannot make that many.
 */
export function generateCatalogue(bundled: ReadonlyArray<Procedure>, options: CatalogueOptions): Procedure[] {
  const wanted = options.size - bundled.length;
  if (wanted <= 0) return [];
  const random = seededRandom(options.seed ?? 1);
  const taken = new Set(bundled.flatMap((p) => [p.name, ...p.aliases].map(foldText)));
  const ids = new Set(bundled.map((p) => p.id));
  const out: Procedure[] = [];
  for (const c of combinations(random)) {
    if (out.length === wanted) break;
    const name = join(c.action.name, c.object.name, c.scope.name);
    if (taken.has(foldText(name))) continue;
    const aliases: string[] = [];
    const seen = new Set<string>([foldText(name)]);
    for (const alias of [
      join(c.action.spoken[0] ?? '', c.object.spoken, c.scope.spoken),
      join(c.action.name.toLowerCase(), c.object.spoken, c.scope.spoken),
      join(c.action.spoken[1] ?? '', c.object.name, c.scope.spoken),
    ]) {
      const key = foldText(alias);
      if (seen.has(key) || taken.has(key)) continue;
      seen.add(key);
      aliases.push(alias);
    }
    if (!aliases.length) continue;
    taken.add(foldText(name));
    const base = slug(name);
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    out.push(procedureOf(c, id, aliases, out.length + 1, random));
  }
  if (out.length < wanted) {
    throw new Error(`the name parts make only ${out.length} synthetic procedures; ${wanted} were asked for`);
  }
  return out;
}
