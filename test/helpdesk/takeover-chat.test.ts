import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadReplies } from '../../src/answers/replies.js';
import { call, startTestApp, type TestApp } from '../helpers/test-app.js';
import { Citizen, textOf } from './chat.js';

// An officer takes a conversation over, in the web chat over Direct Line: while they hold the
// ticket the assistant stays quiet (the citizen's messages go to the ticket), their replies
// reach the chat at once, and once they hand it back the assistant answers again, in context.

const TOKEN = 'helpdesk-takeover';
const replies = loadReplies(path.join(loadConfig({}).INTENTS_DIR, 'responses', 'vi.yaml'));
/** A template's text up to its first placeholder: what every filled-in copy starts with. */
const opening = (id: string) => replies.say(id).split('{')[0]!;

const ticketCodeIn = (text: string): string => /HT-[A-Z0-9]{6}/.exec(text)?.[0] ?? '';

function desk(t: TestApp) {
  const as = (officer: string) => ({ authorization: `Bearer ${TOKEN}`, 'x-officer': encodeURIComponent(officer) });
  return {
    post: (officer: string, route: string, body: unknown = {}) => call('POST', `${t.url}/api/helpdesk/tickets/${route}`, { headers: as(officer), body }),
    ticket: async (code: string) => (await call('GET', `${t.url}/api/helpdesk/tickets/${code}`, { headers: as('Lan') })).body,
  };
}

describe('an officer holding a conversation', () => {
  let t: TestApp;
  let citizen: Citizen;
  let code: string;
  beforeAll(async () => { t = await startTestApp({ HELPDESK_TOKEN: TOKEN }); });
  afterAll(async () => { await t.close(); });

  it('tells the citizen a person has taken the request when an officer claims it', async () => {
    citizen = await Citizen.start(t.url);
    const first = await citizen.say('làm căn cước lần đầu cần gì');
    expect(first[0]!.channelData).toMatchObject({ intent: 'procedure.documents', procedure: 'cap-the-can-cuoc' });
    code = ticketCodeIn(textOf(await citizen.say('cho tôi gặp cán bộ')));
    expect(code).not.toBe('');
    const claimed = await desk(t).post('Nguyễn Thị Lan', `${code}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.claim).toMatchObject({ officer: 'Nguyễn Thị Lan' });
    const pushed = await citizen.pushed();
    expect(textOf(pushed)).toContain('Cán bộ hỗ trợ Nguyễn Thị Lan đã nhận yêu cầu');
    expect(pushed[0]!.channelData).toMatchObject({ intent: 'handoff', ticket: code });
  });

  it.each([
    ['a question the assistant could answer', 'lệ phí bao nhiêu?'],
    ['a question without diacritics', 'le phi bao nhieu'],
    ['a request for an officer again', 'cho toi gap can bo'],
  ])('stays quiet on %s and passes it to the ticket', async (_case, text) => {
    const answer = await citizen.say(text);
    expect(answer).toEqual([]);
    const ticket = await desk(t).ticket(code);
    expect(ticket.transcript.at(-1)).toMatchObject({ from: 'citizen', text });
  });

  it('shows the assistant\'s understanding of each turn in the ticket', async () => {
    const ticket = await desk(t).ticket(code);
    const understood = ticket.transcript.filter((l: any) => l.from === 'bot').map((l: any) => [l.intent, l.procedure]);
    expect(understood).toEqual([['greeting', null], ['procedure.documents', 'cap-the-can-cuoc']]);
    expect(ticket.procedures).toEqual({ 'cap-the-can-cuoc': expect.stringContaining('căn cước') });
  });

  it('delivers the holder\'s reply to the chat, and refuses another officer\'s', async () => {
    const other = await desk(t).post('Trần Văn Bình', `${code}/replies`, { text: 'Chào bạn' });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ error: 'TICKET_HELD', details: { holder: 'Nguyễn Thị Lan' } });
    expect(other.body.message).toContain('Nguyễn Thị Lan');
    const reply = await desk(t).post('nguyễn thị lan', `${code}/replies`, { text: 'Thẻ căn cước cấp lần đầu không mất lệ phí.' });
    expect(reply.status).toBe(201);
    expect(reply.body.delivered).toBe(true);
    expect(textOf(await citizen.pushed())).toContain('Thẻ căn cước cấp lần đầu không mất lệ phí.');
  });

  it('gives the conversation back: the citizen is told, and the assistant answers the next question in context', async () => {
    const handed = await desk(t).post('Nguyễn Thị Lan', `${code}/handback`);
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ status: 'closed', closedReason: 'handed_back', closedBy: 'Nguyễn Thị Lan', claim: null });
    expect(textOf(await citizen.pushed())).toContain(opening('handoffHandedBack'));
    const answer = await citizen.say('nộp ở đâu?');
    expect(answer).toHaveLength(1);
    expect(answer[0]!.channelData).toMatchObject({ intent: 'procedure.location', procedure: 'cap-the-can-cuoc' });
  });

  it('records claims and hand-backs with the officer\'s name in the audit log', async () => {
    const entries = await t.app.audit.entries();
    expect(entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'ticket.claim', target: code, officer: 'Nguyễn Thị Lan', outcome: 'ok' }),
      expect.objectContaining({ action: 'ticket.handback', target: code, officer: 'Nguyễn Thị Lan', outcome: 'ok' }),
    ]));
  });

  it('lets the assistant answer again once the holder releases a ticket, which stays open', async () => {
    const someone = await Citizen.start(t.url);
    const opened = ticketCodeIn(textOf(await someone.say('cho tôi gặp cán bộ')));
    await desk(t).post('Lan', `${opened}/claim`);
    expect(await someone.say('đăng ký khai sinh cần gì')).toEqual([]);
    const released = await desk(t).post('Lan', `${opened}/release`);
    expect(released.body).toMatchObject({ status: 'open', claim: null });
    const answer = await someone.say('đăng ký khai sinh cần gì');
    expect(answer[0]!.channelData).toMatchObject({ intent: 'procedure.documents', procedure: 'dang-ky-khai-sinh' });
  });
});

describe('an officer who has not answered for a while', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ HELPDESK_TOKEN: TOKEN, HANDOFF_NOTICE_MINUTES: '0' }); });
  afterAll(async () => { await t.close(); });

  it('leaves the citizen a short note that the message reached the officer, and nothing else', async () => {
    const citizen = await Citizen.start(t.url);
    const code = ticketCodeIn(textOf(await citizen.say('cho tôi gặp cán bộ')));
    await desk(t).post('Lan', `${code}/claim`);
    await citizen.pushed();
    const answer = await citizen.say('tôi vẫn đang chờ ạ');
    expect(answer).toHaveLength(1);
    expect(answer[0]!.text).toBe(replies.say('handoffHeld', { officer: ' Lan', code }));
    expect(answer[0]!.channelData.intent).toBe('handoff');
    const ticket = await desk(t).ticket(code);
    expect(ticket.transcript.slice(-2).map((l: any) => l.from)).toEqual(['citizen', 'bot']);
    expect(ticket.heldNoticeAt).toEqual(expect.any(String));
  });
});
