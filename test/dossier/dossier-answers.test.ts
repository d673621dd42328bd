import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadReplies } from '../../src/answers/replies.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { DossierAnswers } from '../../src/dossier/dossier-answers.js';
import { formatVietnamTime, wholeDaysBetween } from '../../src/dossier/vietnam-time.js';
import type { Dossier } from '../../src/portal/portal-client.js';
import { CONTRACT_DOSSIERS, expectNoPersonalData } from '../helpdesk/contract-dossiers.js';

const config = loadConfig({});
const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
const answers = new DossierAnswers(replies, loadKnowledgeBase(config.KNOWLEDGE_DIR));
const byCode = (code: string): Dossier => CONTRACT_DOSSIERS.find((d) => d.code === code)!;
const NOW = new Date('2026-11-22T10:00:00+07:00');

describe('the dossier answer', () => {
  it.each([
    ['000.00.16.H17-261105-0007', 'đã trả kết quả'],
    ['G22.71-261105-0012', 'đang xử lý'],
    ['000.31.25.H17-261112-0004', 'yêu cầu bổ sung'],
    ['H17.23-261118-0101', 'đã có kết quả, chờ trả'],
    ['000.00.16.H17-261101-0150', 'từ chối'],
    ['G22.71-261119-0044', 'đã tiếp nhận'],
  ])('gives %s the contract status words "%s", with its dates and agency', (code, words) => {
    const d = byCode(code);
    const { text, intent, procedure } = answers.status(d, NOW);
    expect(text).toContain(`Tình trạng: **${words}**`);
    expect(text).toContain(`Hẹn trả kết quả: ${formatVietnamTime(d.dueAt, replies)}`);
    expect(text).toContain(`Ngày tiếp nhận: ${formatVietnamTime(d.receivedAt, replies)}`);
    expect(text).toContain(d.agency);
    expect({ intent, procedure }).toEqual({ intent: 'dossier.status', procedure: d.procedure });
  });

  it.each(CONTRACT_DOSSIERS.map((d) => [d.code, d]))('shows nothing personal about %s before the check', (_code, d) => {
    expectNoPersonalData(answers.status(d, NOW).text);
    expectNoPersonalData(answers.verifyOffer(d).text);
  });

  it('computes overdue from dueAt and the time now, only while the dossier is open', () => {
    const open = byCode('000.00.16.H17-261020-0031');
    expect(answers.status(open, new Date('2026-11-02T16:59:00+07:00')).text).not.toContain('quá hạn');
    expect(answers.status(open, new Date('2026-11-02T18:00:00+07:00')).text).toContain('**quá hạn** chưa đầy 1 ngày');
    expect(answers.status(open, NOW).text).toContain('**quá hạn** 19 ngày');
    // Finished late is not overdue: the result exists.
    expect(answers.status({ ...open, status: 'completed' }, NOW).text).not.toContain('quá hạn');
  });

  it('says what to add and how for a dossier that needs more documents', () => {
    const text = answers.status(byCode('000.31.25.H17-261112-0004'), NOW).text;
    expect(text).toContain('**Cần bổ sung:** Bổ sung Giấy xác nhận tình trạng hôn nhân');
    expect(text).toContain('**Cách bổ sung:**');
  });

  it('says the agency has not written what to add when the note is missing', () => {
    const d = { ...byCode('000.31.25.H17-261112-0004'), note: undefined };
    expect(answers.status(d, NOW).text).toContain('cơ quan chưa ghi nội dung cần bổ sung');
  });

  it('says how to collect a result, and the reason and the options for a refusal', () => {
    expect(answers.status(byCode('H17.23-261118-0101'), NOW).text).toContain('**Cách nhận kết quả:**');
    const rejected = answers.status(byCode('000.00.16.H17-261101-0150'), NOW);
    expect(rejected.text).toContain('**Lý do từ chối:** Chỗ ở hợp pháp chưa đủ diện tích');
    expect(rejected.text).toContain('khiếu nại');
    expect(rejected.suggestions.map((s) => s.value)).toEqual([{ intent: 'handoff', procedure: null }]);
  });

  it('shows the masked name and the history in order after the check, never a phone or id number', () => {
    const d = byCode('000.00.16.H17-261105-0007');
    const { text } = answers.verified(d);
    expect(text).toContain('Người nộp: **Nguyễn T** T** H***');
    expect(text.indexOf('đã tiếp nhận')).toBeLessThan(text.indexOf('đã trả kết quả'));
    expect(text).toContain('- 08:12 ngày 05/11/2026: đã tiếp nhận — Bộ phận một cửa');
    for (const value of [d.applicant.phone, d.applicant.idNumber, 'Thị Thu Hà']) expect(text).not.toContain(value);
  });

  it('names the expected shape of a code when one is malformed, saying back only what it is given', () => {
    expect(answers.badCode('abc-123').text).toMatch(/^“abc-123” chưa đúng dạng mã hồ sơ.*yymmdd/s);
    expect(answers.badCode(null).text).toMatch(/^Mã bạn nhập chưa đúng dạng/);
  });
});

describe('Vietnam time', () => {
  it.each([
    ['2026-11-05T08:12:00+07:00', '08:12 ngày 05/11/2026'],
    ['2026-11-05T01:12:00Z', '08:12 ngày 05/11/2026'],
    ['2026-12-31T20:00:00Z', '03:00 ngày 01/01/2027'],
  ])('shows %s as %s', (iso, shown) => {
    expect(formatVietnamTime(iso, replies)).toBe(shown);
  });

  it('counts whole days, never below zero', () => {
    expect(wholeDaysBetween('2026-11-02T17:00:00+07:00', new Date('2026-11-04T16:00:00+07:00'))).toBe(1);
    expect(wholeDaysBetween('2026-11-02T17:00:00+07:00', new Date('2026-11-01T00:00:00+07:00'))).toBe(0);
  });
});
