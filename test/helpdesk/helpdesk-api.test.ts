import { call, startTestApp, type TestApp } from '../helpers/test-app.js';
import { PollingClient } from '../directline/client.js';
import { CONTRACT_DOSSIERS, expectNoPersonalData } from './contract-dossiers.js';

const TOKEN = 'helpdesk-test-token';
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ HELPDESK_TOKEN: TOKEN }); });
afterAll(async () => { await t.close(); });

const get = (pathAndQuery: string, token: string | null = TOKEN, headers: Record<string, string> = {}) =>
  call('GET', `${t.url}${pathAndQuery}`, { ...(token === null ? {} : { token }), headers });

const post = (pathAndQuery: string, body: unknown, token: string = TOKEN, headers: Record<string, string> = {}) =>
  call('POST', `${t.url}${pathAndQuery}`, { token, body, headers });

const dossierPath = (code: string) => `/api/helpdesk/dossiers/${encodeURIComponent(code)}`;
/** The audit log as kept (files or PostgreSQL, whichever the test app runs on). */
const auditLines = () => t.app.audit.entries();

describe('help-desk dossier lookup', () => {
  it.each([
    ['no token', null],
    ['a wrong token', 'not-the-token'],
  ])('refuses a request with %s: 401 and a JSON error, no data', async (_case, token) => {
    const res = await get(dossierPath('000.00.16.H17-261105-0007'), token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'UNAUTHORIZED', message: expect.any(String) });
  });

  it.each(CONTRACT_DOSSIERS.map((d) => [d.code, d]))('answers the whole dossier %s to the right token', async (code, dossier) => {
    const res = await get(dossierPath(code));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: dossier.code, procedure: dossier.procedure, status: dossier.status, dueAt: dossier.dueAt, applicant: dossier.applicant });
    expect(res.body.history).toEqual(dossier.history);
    expect(typeof res.body.overdue).toBe('boolean');
  });

  it.each([
    ['lower case with spaces around the dashes', '000.00.16.h17 - 261105 - 0007', '000.00.16.H17-261105-0007'],
    ['en dashes', 'g22.71–261105–0012', 'G22.71-261105-0012'],
  ])('finds a code typed in %s', async (_spelling, typed, code) => {
    const res = await get(dossierPath(typed));
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(code);
  });

  it('says whether the dossier is overdue now', async () => {
    expect((await get(dossierPath('000.00.16.H17-261020-0031'))).body.overdue).toBe(Date.now() > Date.parse('2026-11-02T17:00:00+07:00'));
    expect((await get(dossierPath('G22.71-261105-0012'))).body.overdue).toBe(false);
  });

  it.each([
    ['malformed', 'ho-so-123', 400, 'BAD_DOSSIER_CODE'],
    ['a date with too few digits', '000.00.16.H17-26110-0007', 400, 'BAD_DOSSIER_CODE'],
    ['unknown', '000.00.16.H17-261105-9999', 404, 'DOSSIER_NOT_FOUND'],
  ])('answers a %s code (%s) with %i and a JSON error', async (_case, code, status, error) => {
    const res = await get(dossierPath(code));
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, message: expect.any(String) });
  });
});

describe('help-desk overdue listing', () => {
  it('lists the dossiers still open after their due date, most overdue first, without applicant data', async () => {
    const res = await get(`/api/helpdesk/overdue?now=${encodeURIComponent('2026-11-22T09:00:00+07:00')}`);
    expect(res.status).toBe(200);
    expect(res.body.dossiers.map((d: any) => d.code)).toEqual(['G22.71-261002-0009', '000.00.16.H17-260915-0208', '000.00.16.H17-261020-0031']);
    expect(res.body.dossiers[0]).toMatchObject({ status: 'processing', procedure: 'sang-ten-xe', procedureName: expect.any(String), daysOverdue: 43 });
    expect(res.body.count).toBe(3);
    expectNoPersonalData(JSON.stringify(res.body));
  });

  it('lists none at a time before any due date', async () => {
    const res = await get(`/api/helpdesk/overdue?now=${encodeURIComponent('2026-09-01T00:00:00+07:00')}`);
    expect(res.body).toMatchObject({ count: 0, dossiers: [] });
  });

  it('refuses a date that is not ISO 8601', async () => {
    const res = await get('/api/helpdesk/overdue?now=yesterday');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
  });

  it('needs the token', async () => {
    expect((await get('/api/helpdesk/overdue', null)).status).toBe(401);
  });
});

describe('help-desk audit log', () => {
  it('records every lookup, who made it and how it ended, with no personal data', async () => {
    await get(dossierPath('H17.23-261118-0101'), TOKEN, { 'x-officer': encodeURIComponent('Cán bộ Lan') });
    await get(dossierPath('000.00.16.H17-261105-9999'));
    await get(dossierPath('0905123456'));
    const lines = await auditLines();
    expect(lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'dossier.view', actor: 'helpdesk', officer: 'Cán bộ Lan', target: 'H17.23-261118-0101', outcome: 'ok' }),
      expect.objectContaining({ action: 'dossier.view', target: '000.00.16.H17-261105-9999', outcome: 'not_found' }),
      expect.objectContaining({ action: 'dossier.view', target: '[số]', outcome: 'bad_code' }),
    ]));
    for (const line of lines) expect(Date.parse(line.at)).not.toBeNaN();
    expectNoPersonalData(JSON.stringify(lines));
  });

  it('does not record a request without the token', async () => {
    const before = (await auditLines()).length;
    await get(dossierPath('G22.71-261105-0012'), 'wrong');
    expect((await auditLines()).length).toBe(before);
  });
});

describe('help-desk tickets', () => {
  it('lists open tickets, shows one, and delivers a reply into the citizen\'s live Direct Line conversation', async () => {
    const citizen = await PollingClient.start(`${t.url}/v3/directline`);
    await citizen.poll();
    const ticket = await t.app.tickets.create({
      conversationId: citizen.conversationId,
      channelId: 'directline',
      transcript: [{ from: 'citizen', text: 'hồ sơ 000.00.16.H17-261020-0031 sao chưa xong, sđt tôi 0988111222', at: new Date().toISOString() }],
    });

    const list = await get('/api/helpdesk/tickets');
    expect(list.status).toBe(200);
    expect(list.body.tickets.map((x: any) => x.code)).toContain(ticket.code);

    const one = await get(`/api/helpdesk/tickets/${ticket.code.toLowerCase()}`);
    expect(one.status).toBe(200);
    expect(one.body.transcript[0].text).toBe('hồ sơ 000.00.16.H17-261020-0031 sao chưa xong, sđt tôi [số]');

    const reply = await post(`/api/helpdesk/tickets/${ticket.code}/replies`, { text: 'Hồ sơ đang chờ xác minh, dự kiến xong trong tuần này.' }, TOKEN, { 'x-officer': 'Minh' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ delivered: true, reply: { officer: 'Minh', delivered: true } });

    const seen = (await citizen.poll()).filter((a) => a.type === 'message');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ from: { role: 'bot' }, channelData: { intent: 'handoff', ticket: ticket.code } });
    expect(seen[0].text).toContain('Hồ sơ đang chờ xác minh');
    expect(seen[0].text).toContain(ticket.code);
  });

  it('keeps a reply it could not deliver, and says so', async () => {
    const ticket = await t.app.tickets.create({ conversationId: 'gone-conversation-000000', channelId: 'directline', transcript: [] });
    const reply = await post(`/api/helpdesk/tickets/${ticket.code}/replies`, { text: 'Chào bạn' });
    expect(reply.status).toBe(201);
    expect(reply.body.delivered).toBe(false);
    expect((await t.app.tickets.get(ticket.code))?.replies.map((r) => r.text)).toEqual(['Chào bạn']);
  });

  it('closes a ticket, which then takes no replies and leaves the open list', async () => {
    const ticket = await t.app.tickets.create({ conversationId: 'c-close', channelId: 'emulator', transcript: [] });
    const closed = await post(`/api/helpdesk/tickets/${ticket.code}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await post(`/api/helpdesk/tickets/${ticket.code}/replies`, { text: 'muộn rồi' })).body.error).toBe('TICKET_CLOSED');
    expect((await get('/api/helpdesk/tickets')).body.tickets.map((x: any) => x.code)).not.toContain(ticket.code);
    expect((await get('/api/helpdesk/tickets?status=closed')).body.tickets.map((x: any) => x.code)).toContain(ticket.code);
  });

  it.each([
    ['a malformed code', '/api/helpdesk/tickets/abc', 400, 'BAD_TICKET_CODE'],
    ['an unknown code', '/api/helpdesk/tickets/HT-ZZZZZZ', 404, 'TICKET_NOT_FOUND'],
  ])('answers %s with a JSON error', async (_case, url, status, error) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
  });

  it('refuses an empty reply and a reply without the token', async () => {
    const ticket = await t.app.tickets.create({ conversationId: 'c-empty', channelId: 'emulator', transcript: [] });
    expect((await post(`/api/helpdesk/tickets/${ticket.code}/replies`, { text: '  ' })).body.error).toBe('VALIDATION_FAILED');
    expect((await post(`/api/helpdesk/tickets/${ticket.code}/replies`, { text: 'x' }, 'wrong')).status).toBe(401);
  });

  it('records ticket actions in the audit log without the words of the reply', async () => {
    const text = (await auditLines()).filter((l) => l.action.startsWith('ticket.'));
    expect(text.map((l) => l.action)).toEqual(expect.arrayContaining(['ticket.list', 'ticket.view', 'ticket.reply', 'ticket.close']));
    expect(JSON.stringify(text)).not.toContain('xác minh');
  });
});
