import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { isOverdue } from '../../src/portal/overdue.js';
import { maskName } from '../../src/portal/mask-name.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadConfig } from '../../src/config.js';
import type { Dossier, DossierStatus } from '../../src/portal/portal-client.js';
import { CONTRACT_DOSSIERS, expectNoPersonalData } from './contract-dossiers.js';
import { Citizen, textOf } from './chat.js';

// Conversations through Direct Line on the real server, with the embedded mock portal and
// the default lookup limits: the whole contract list fits within them.

const STATUS_WORDS: Record<DossierStatus, string> = {
  received: 'đã tiếp nhận',
  processing: 'đang xử lý',
  supplement_required: 'yêu cầu bổ sung',
  completed: 'đã có kết quả, chờ trả',
  returned: 'đã trả kết quả',
  rejected: 'từ chối',
};

const knowledge = loadKnowledgeBase(loadConfig({}).KNOWLEDGE_DIR);
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ HELPDESK_TOKEN: 'h' }); });
afterAll(async () => { await t.close(); });

/** The ways the contract says people type a code. */
const spellings = [
  (code: string) => `tra cứu hồ sơ ${code}`,
  (code: string) => `tra cuu ho so ${code.toLowerCase().replace(/-/g, ' - ')}`,
  (code: string) => `hồ sơ ${code.replace(/-/g, '–')} của tôi đến đâu rồi`,
  (code: string) => code.toLowerCase(),
];

const last4 = (value: string) => value.replace(/\D/g, '').slice(-4);
/** Four digits that are neither the phone's nor the id number's last 4. */
const wrong4 = (d: Dossier) => ['0000', '1111', '2222'].find((x) => x !== last4(d.applicant.phone) && x !== last4(d.applicant.idNumber))!;

describe('a citizen looks up each dossier of the contract', () => {
  it.each(CONTRACT_DOSSIERS.map((d, i) => [d.code, d.status, d, i] as const))('%s (%s): status, then name and history only after the right last 4 digits', async (_code, _status, dossier, i) => {
    const citizen = await Citizen.start(t.url);
    const first = await citizen.say(spellings[i % spellings.length]!(dossier.code));
    const text = textOf(first);
    expect(first.every((m) => m.channelData.intent === 'dossier.status')).toBe(true);
    expect(first[0]!.channelData.procedure).toBe(dossier.procedure);
    expect(text).toContain(dossier.code);
    expect(text).toContain(`**${STATUS_WORDS[dossier.status]}**`);
    expect(text).toContain(dossier.agency);
    expect(text).toContain(knowledge.get(dossier.procedure)!.name);
    expect(text.includes('quá hạn')).toBe(isOverdue(dossier, new Date()));
    expect(text).toContain('4 số cuối');
    expect(text).toContain('Luật Bảo vệ dữ liệu cá nhân');
    expect(text).not.toContain(maskName(dossier.applicant.name));
    expectNoPersonalData(text);

    const wrong = await citizen.say(wrong4(dossier));
    expect(textOf(wrong)).toContain('còn 2 lần');
    expect(textOf(wrong)).not.toContain(maskName(dossier.applicant.name));
    expectNoPersonalData(textOf(wrong));

    const right = await citizen.say(last4(i % 2 ? dossier.applicant.idNumber : dossier.applicant.phone));
    const shown = textOf(right);
    expect(right[0]!.channelData.intent).toBe('dossier.status');
    expect(shown).toContain(maskName(dossier.applicant.name));
    for (const event of dossier.history) expect(shown).toContain(event.by);
    expectNoPersonalData(shown);
  });

  it.each([
    ['supplement_required', '000.31.25.H17-261112-0004', ['Cần bổ sung', 'Giấy xác nhận tình trạng hôn nhân', 'Cách bổ sung']],
    ['completed', 'H17.23-261118-0101', ['Cách nhận kết quả', 'bưu chính công ích']],
    ['rejected', '000.00.16.H17-261101-0150', ['Lý do từ chối', 'Chỗ ở hợp pháp chưa đủ diện tích', 'khiếu nại']],
    ['overdue', 'G22.71-261002-0009', ['quá hạn', 'hỏi lý do chậm', 'Gặp cán bộ hỗ trợ']],
  ])('tells what to do next for a %s dossier', async (_case, code, expected) => {
    const citizen = await Citizen.start(t.url);
    const text = textOf(await citizen.say(`tra cứu hồ sơ ${code}`));
    for (const part of expected) expect(text).toContain(part);
  });

  it('asks for the code when the question has none, then answers it', async () => {
    const citizen = await Citizen.start(t.url);
    const asked = await citizen.say('hồ sơ của tôi đến đâu rồi');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.channelData.intent).toBe('dossier.status');
    expect(asked[0]!.text).toContain('mã hồ sơ');
    const answer = textOf(await citizen.say('G22.71-261119-0044'));
    expect(answer).toContain('**đã tiếp nhận**');
  });

  it.each([
    ['an unknown code', 'tra cứu hồ sơ 000.00.16.H17-261105-9999', ['Tôi không tìm thấy hồ sơ', '000.00.16.H17-261105-9999', '4 chữ số']],
    ['a serial number with 5 digits', 'G22.71-261105-00120', ['chưa đúng dạng mã hồ sơ', 'yymmdd', '4 chữ số']],
    ['a date run into the serial', 'tra cứu hồ sơ 000.00.16.H17-2611050007', ['chưa đúng dạng mã hồ sơ', 'yymmdd']],
    ['a code with no agency part', 'tra cứu hồ sơ abc-123', ['chưa đúng dạng mã hồ sơ', '000.00.16.H17-261105-0007']],
  ])('answers %s with the shape a code has', async (_case, text, expected) => {
    const citizen = await Citizen.start(t.url);
    const answer = await citizen.say(text);
    expect(answer.every((m) => m.channelData.intent === 'dossier.status')).toBe(true);
    for (const part of expected) expect(textOf(answer)).toContain(part);
  });

  it('takes a corrected code after a malformed one, without being asked again', async () => {
    const citizen = await Citizen.start(t.url);
    expect(textOf(await citizen.say('tra cứu hồ sơ 12345'))).toContain('chưa đúng dạng');
    expect(textOf(await citizen.say('000.00.16.H17-261120-0015'))).toContain('**đang xử lý**');
  });

  it('leaves a step-by-step guide under way where it was, to go on with afterwards', async () => {
    const citizen = await Citizen.start(t.url);
    const guide = await citizen.say('hướng dẫn tôi đăng ký khai sinh');
    expect(guide[0]!.channelData.intent).toBe('procedure.steps');
    const lookup = await citizen.say('tra cứu hồ sơ G22.71-261105-0012');
    expect(lookup.map((m) => m.channelData.intent)).toEqual(['dossier.status', 'dossier.status']);
    const resumed = await citizen.say('tiếp tục');
    expect(resumed[0]!.channelData).toMatchObject({ intent: 'procedure.steps', procedure: guide[0]!.channelData.procedure });
  });

  it('does not say a phone number typed instead of a code back', async () => {
    const citizen = await Citizen.start(t.url);
    const answer = textOf(await citizen.say('mã hồ sơ của tôi là 0905123456'));
    expect(answer).toContain('chưa đúng dạng');
    expect(answer).not.toContain('0905123456');
  });
});

describe('the last-4 check', () => {
  const dossier = CONTRACT_DOSSIERS.find((d) => d.code === 'G22.71-261105-0012')!;

  it('locks the dossier\'s personal part for the conversation after three wrong tries, even after "bắt đầu lại"', async () => {
    const citizen = await Citizen.start(t.url);
    await citizen.say(dossier.code);
    expect(textOf(await citizen.say('0000'))).toContain('còn 2 lần');
    expect(textOf(await citizen.say('1111'))).toContain('còn 1 lần');
    const locked = textOf(await citizen.say('2222'));
    expect(locked).toContain('tạm khóa');
    const late = await citizen.say(last4(dossier.applicant.phone));
    expect(textOf(late)).not.toContain(maskName(dossier.applicant.name));

    await citizen.say('bắt đầu lại');
    const again = textOf(await citizen.say(`tra cứu hồ sơ ${dossier.code}`));
    expect(again).toContain('**đang xử lý**');
    expect(again).toContain('đã bị tạm khóa');
    expect(again).not.toContain('gõ **4 số cuối**');
    expect(textOf(await citizen.say(last4(dossier.applicant.phone)))).not.toContain(maskName(dossier.applicant.name));

    // Another conversation is not locked out.
    const other = await Citizen.start(t.url);
    await other.say(dossier.code);
    expect(textOf(await other.say(last4(dossier.applicant.idNumber)))).toContain(maskName(dossier.applicant.name));
  });

  it('takes the digits inside a sentence, and keeps them out of the stored conversation', async () => {
    const citizen = await Citizen.start(t.url);
    await citizen.say(dossier.code);
    const answer = textOf(await citizen.say(`4 số cuối là ${last4(dossier.applicant.phone)} nhé`));
    expect(answer).toContain(maskName(dossier.applicant.name));
    citizen.client.watermark = '';
    const log = await citizen.client.poll();
    const mine = log.filter((a) => a.type === 'message' && a.from?.role === 'user').map((a) => a.text);
    expect(mine).toEqual([dossier.code, '4 số cuối là [số] nhé']);
  });

  it('records lookups and checks in the audit log, without names, numbers or the digits typed', async () => {
    const entries = await t.app.audit.entries();
    expect(entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'citizen', action: 'citizen.lookup', target: dossier.code, outcome: 'ok' }),
      expect.objectContaining({ actor: 'citizen', action: 'citizen.verify', target: dossier.code, outcome: 'wrong' }),
      expect.objectContaining({ actor: 'citizen', action: 'citizen.verify', target: dossier.code, outcome: 'locked' }),
      expect.objectContaining({ actor: 'citizen', action: 'citizen.verify', target: dossier.code, outcome: 'ok' }),
      expect.objectContaining({ actor: 'citizen', action: 'citizen.lookup', target: '000.00.16.H17-261105-9999', outcome: 'not_found' }),
    ]));
    const raw = JSON.stringify(entries);
    expectNoPersonalData(raw);
    expect(raw).not.toContain(`"${last4(dossier.applicant.phone)}"`);
    expect(raw).not.toContain('0905123456');
  });
});
