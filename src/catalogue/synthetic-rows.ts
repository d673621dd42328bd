import type { Procedure } from '../knowledge/schema.js';
import type { CatalogueRow } from './write-table.js';

const LEVEL: Record<string, string> = { commune: 'Cấp xã', province: 'Cấp tỉnh', central: 'Cấp bộ' };
const ONLINE: Record<string, string> = { full: 'Toàn trình', partial: 'Một phần', none: '', unknown: '' };

/** A (synthetic) procedure as a catalogue row, the way a province's spreadsheet writes it. */
export function procedureToRow(p: Procedure): CatalogueRow {
  const c = p.cases[0];
  return {
    code: p.catalogCode ?? p.id,
    name: p.name,
    field: p.field,
    level: p.level ? LEVEL[p.level] : '',
    steps: p.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    methods: p.online.availability === 'none' ? 'Trực tiếp; Dịch vụ bưu chính' : 'Trực tiếp; Trực tuyến; Dịch vụ bưu chính',
    documents: (c?.documents ?? []).map((d, i) => `${i + 1}. ${d.name}${d.form ? ` (${d.form})` : ''}`).join('\n'),
    duration: c?.duration ?? '',
    fees: (c?.fees ?? []).map((f) => (f.amount ? `${f.label}: ${new Intl.NumberFormat('vi-VN').format(f.amount)} đồng` : `${f.label}: Không`)).join('; '),
    agency: p.agency,
    submitAt: p.submitAt.join('\n'),
    legalBasis: p.legalBasis.join('\n'),
    onlineLevel: ONLINE[p.online.availability] ?? '',
    url: p.online.url ?? '',
  };
}
