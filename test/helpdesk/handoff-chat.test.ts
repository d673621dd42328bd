import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { call, startTestApp, postJson, type TestApp } from '../helpers/test-app.js';
import { Citizen, textOf } from './chat.js';

// Handoff end to end: the citizen asks for a person in the web chat, an officer answers
// through the help-desk API, the reply shows up in the open chat, and the citizen reads it
// again later from another conversation (after a restart) by the ticket code.

const TOKEN = 'helpdesk-handoff';
const auth = { authorization: `Bearer ${TOKEN}` };
const dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-handoff-'));
let t: TestApp;

beforeAll(async () => { t = await startTestApp({ HELPDESK_TOKEN: TOKEN }, dataDir); });
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ticketCodeIn = (text: string): string => /HT-[A-Z0-9]{6}/.exec(text)?.[0] ?? '';
const api = (pathAndQuery: string) => call('GET', `${t.url}${pathAndQuery}`, { headers: auth });

describe('handoff to a help-desk officer', () => {
  let citizen: Citizen;
  let code: string;

  it('opens a ticket with the recent conversation, masked, and gives the citizen a short code', async () => {
    citizen = await Citizen.start(t.url);
    await citizen.say('sđt của tôi là 0988 111 222, tôi cần hỏi về hồ sơ quá hạn');
    await citizen.say('tra cứu hồ sơ 000.00.16.H17-261020-0031');
    await citizen.say('0000');
    const answer = await citizen.say('cho tôi gặp cán bộ');
    expect(answer).toHaveLength(1);
    expect(answer[0]!.channelData.intent).toBe('handoff');
    code = ticketCodeIn(answer[0]!.text);
    expect(code).not.toBe('');
    expect(answer[0]!.text).toContain(`xem phản hồi ${code}`);
    expect(answer[0]!.text).toContain('Luật Bảo vệ dữ liệu cá nhân');

    const list = await api('/api/helpdesk/tickets');
    expect(list.body.tickets.map((x: any) => x.code)).toContain(code);
    const ticket = (await api(`/api/helpdesk/tickets/${code}`)).body;
    expect(ticket).toMatchObject({ code, status: 'open', conversationId: citizen.conversationId, channelId: 'directline' });
    const lines = ticket.transcript.map((l: any) => `${l.from}: ${l.text}`);
    const citizenLines = lines.filter((l: string) => l.startsWith('citizen: '));
    expect(citizenLines).toEqual([
      'citizen: sđt của tôi là [số], tôi cần hỏi về hồ sơ quá hạn',
      'citizen: tra cứu hồ sơ 000.00.16.H17-261020-0031',
      'citizen: [số]',
      'citizen: cho tôi gặp cán bộ',
    ]);
    expect(lines.some((l: string) => l.startsWith('bot: ') && l.includes('**đang xử lý**'))).toBe(true);
    expect(JSON.stringify(ticket)).not.toMatch(/0988|111 222|Lê Hoàng Nam/);
  });

  it('adds what the citizen says afterwards to the ticket, and does not open a second one', async () => {
    await citizen.say('tôi cần gấp để đi xin việc');
    const again = await citizen.say('cho tôi gặp cán bộ');
    expect(again[0]!.text).toContain(code);
    expect(again[0]!.channelData.intent).toBe('handoff');
    const ticket = (await api(`/api/helpdesk/tickets/${code}`)).body;
    expect(ticket.transcript.map((l: any) => l.text)).toContain('tôi cần gấp để đi xin việc');
    const open = (await api('/api/helpdesk/tickets')).body;
    expect(open.count).toBe(1);
    expect(open.tickets[0]).toMatchObject({ code, awaitingReply: true, lastCitizenMessage: 'cho tôi gặp cán bộ' });
  });

  it('delivers the officer\'s reply into the open chat', async () => {
    const reply = await postJson(`${t.url}/api/helpdesk/tickets/${code}/replies`, { text: 'Chào bạn, hồ sơ đang chờ công an xác minh, dự kiến có kết quả ngày 25/11.', officer: 'Cán bộ Hạnh' }, auth);
    expect(reply.status).toBe(201);
    expect(reply.body.delivered).toBe(true);
    const pushed = await citizen.pushed();
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.channelData).toMatchObject({ intent: 'handoff', ticket: code });
    expect(pushed[0]!.text).toContain('Cán bộ hỗ trợ Cán bộ Hạnh');
    expect(pushed[0]!.text).toContain('dự kiến có kết quả ngày 25/11');
    expect((await api('/api/helpdesk/tickets')).body.tickets.find((x: any) => x.code === code).awaitingReply).toBe(false);
  });

  it('lets the citizen read the reply later, from another conversation, after a restart, by the code', async () => {
    await t.close();
    t = await startTestApp({ HELPDESK_TOKEN: TOKEN }, dataDir);
    const later = await Citizen.start(t.url);
    const answer = await later.say(`xem phản hồi mã ${code.toLowerCase()}`);
    expect(answer).toHaveLength(1);
    expect(answer[0]!.channelData.intent).toBe('handoff');
    expect(answer[0]!.text).toContain(code);
    expect(answer[0]!.text).toContain('dự kiến có kết quả ngày 25/11');
  });

  it('still shows the replies once the ticket is closed, and says it is closed', async () => {
    expect((await postJson(`${t.url}/api/helpdesk/tickets/${code}/close`, {}, auth)).status).toBe(200);
    const answer = textOf(await (await Citizen.start(t.url)).say(code));
    expect(answer).toContain('đã đóng');
    expect(answer).toContain('dự kiến có kết quả ngày 25/11');
  });

  it.each([
    ['an unknown code', 'xem phản hồi HT-ZZZZZZ', 'không tìm thấy yêu cầu'],
    ['a code too short', 'xem phản hồi HT-12', 'chưa đúng dạng mã yêu cầu'],
  ])('answers %s with the shape a ticket code has', async (_case, text, expected) => {
    const answer = await (await Citizen.start(t.url)).say(text);
    expect(answer[0]!.channelData.intent).toBe('handoff');
    expect(answer[0]!.text).toContain(expected);
    expect(answer[0]!.text).toContain('HT-7K3M9Q');
  });

  it('says there is no reply yet for a ticket an officer has not answered', async () => {
    const someone = await Citizen.start(t.url);
    const opened = ticketCodeIn(textOf(await someone.say('cho tôi gặp cán bộ')));
    const answer = textOf(await (await Citizen.start(t.url)).say(`xem phản hồi ${opened}`));
    expect(answer).toContain('đang chờ cán bộ trả lời');
  });

  it('records handoffs and ticket reads in the audit log', async () => {
    const entries = await t.app.audit.entries();
    expect(entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'citizen', action: 'citizen.handoff', target: code }),
      expect.objectContaining({ actor: 'citizen', action: 'citizen.ticket', target: code, outcome: 'ok' }),
      expect.objectContaining({ actor: 'helpdesk', action: 'ticket.reply', target: code, outcome: 'delivered', officer: 'Cán bộ Hạnh' }),
    ]));
    expect(JSON.stringify(entries)).not.toContain('dự kiến');
  });
});
