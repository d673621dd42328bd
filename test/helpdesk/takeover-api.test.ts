import { call, startTestApp, type TestApp } from '../helpers/test-app.js';
import { Citizen, textOf } from './chat.js';
// @ts-expect-error: the console's browser module, plain JavaScript without types
import { readEventStream } from '../../public/helpdesk/js/events.js';

// The console's routes over HTTP: claim and release (two officers, one ticket), the event
// stream, the ready-made replies, the overdue list sorted and as CSV; and none of them without
// the help-desk token.

const TOKEN = 'helpdesk-console';
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ HELPDESK_TOKEN: TOKEN, ADMIN_TOKEN: 'admin-console' }); });
afterAll(async () => { await t.close(); });

const as = (officer?: string) => ({ authorization: `Bearer ${TOKEN}`, ...(officer ? { 'x-officer': encodeURIComponent(officer) } : {}) });
const post = (route: string, officer?: string, body: unknown = {}) => call('POST', `${t.url}/api/helpdesk${route}`, { headers: as(officer), body });
const get = (route: string) => call('GET', `${t.url}/api/helpdesk${route}`, { headers: as('Lan') });

async function newTicket(text = 'cho tôi gặp cán bộ'): Promise<{ citizen: Citizen; code: string }> {
  const citizen = await Citizen.start(t.url);
  const code = /HT-[A-Z0-9]{6}/.exec(textOf(await citizen.say(text)))?.[0] ?? '';
  expect(code).not.toBe('');
  return { citizen, code };
}

/** The event stream as the page reads it: fetch, then text/event-stream blocks. */
async function openStream() {
  const controller = new AbortController();
  const res = await fetch(`${t.url}/api/helpdesk/events`, { headers: as('Lan'), signal: controller.signal });
  const events: Array<{ event: string; data: any }> = [];
  // The page's own reader of the stream.
  const pump = readEventStream(res.body!, (event: string, data: unknown) => { events.push({ event, data }); }).catch(() => undefined);
  const waitFor = async (match: (e: { event: string; data: any }) => boolean) => {
    for (let i = 0; i < 200; i += 1) {
      const found = events.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no such event among ${JSON.stringify(events.map((e) => [e.event, e.data.kind]))}`);
  };
  return { res, events, waitFor, close: async () => { controller.abort(); await pump; } };
}

describe('claiming a ticket', () => {
  it('lets one of two officers claiming at once have it, and tells the other who holds it', async () => {
    const { code } = await newTicket();
    const [a, b] = await Promise.all([post(`/tickets/${code}/claim`, 'Nguyễn Thị Lan'), post(`/tickets/${code}/claim`, 'Trần Văn Bình')]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const holder = won.body.claim.officer;
    expect(lost.body).toMatchObject({ error: 'TICKET_HELD', details: { holder } });
    expect(lost.body.message).toContain(holder);
    const list = (await get('/tickets')).body.tickets;
    expect(list.find((x: any) => x.code === code).claim).toMatchObject({ officer: holder });
  });

  it.each([
    ['the same name again', 'Lan', 200],
    ['the same name in another case and spacing', '  lan ', 200],
    ['another name', 'Bình', 409],
  ])('answers a second claim by %s with the status that says so', async (_case, second, status) => {
    const { code } = await newTicket();
    expect((await post(`/tickets/${code}/claim`, 'Lan')).status).toBe(200);
    expect((await post(`/tickets/${code}/claim`, second)).status).toBe(status);
  });

  it('takes the officer from the body as well as from X-Officer, and refuses a claim by nobody', async () => {
    const { code } = await newTicket();
    const nobody = await post(`/tickets/${code}/claim`);
    expect(nobody.status).toBe(400);
    expect(nobody.body.error).toBe('OFFICER_REQUIRED');
    const byBody = await post(`/tickets/${code}/claim`, undefined, { officer: 'Phạm Hùng' });
    expect(byBody.body.claim.officer).toBe('Phạm Hùng');
  });

  it('lets only the holder release, close or hand back; after a release anyone may claim', async () => {
    const { code } = await newTicket();
    await post(`/tickets/${code}/claim`, 'Lan');
    for (const action of ['release', 'close', 'handback']) {
      const res = await post(`/tickets/${code}/${action}`, 'Bình');
      expect({ action, status: res.status, error: res.body.error }).toEqual({ action, status: 409, error: 'TICKET_HELD' });
    }
    expect((await post(`/tickets/${code}/release`, 'Lan')).body.claim).toBeNull();
    expect((await post(`/tickets/${code}/claim`, 'Bình')).status).toBe(200);
    expect((await post(`/tickets/${code}/close`, 'Bình')).body).toMatchObject({ status: 'closed', closedReason: 'closed', claim: null });
    expect((await post(`/tickets/${code}/claim`, 'Bình')).body.error).toBe('TICKET_CLOSED');
  });

  it.each([
    ['a malformed code', '/tickets/HT-12/claim', 400, 'BAD_TICKET_CODE'],
    ['an unknown code', '/tickets/HT-ZZZZZZ/claim', 404, 'TICKET_NOT_FOUND'],
    ['a code in lower case with a space', '/tickets/ht%20zzzzzz/release', 404, 'TICKET_NOT_FOUND'],
  ])('answers %s with a JSON error', async (_case, route, status, error) => {
    const res = await post(route, 'Lan');
    expect({ status: res.status, error: res.body.error }).toEqual({ status, error });
  });
});

describe('the event stream', () => {
  it('sends ready, then a new ticket, the citizen\'s masked lines and a claim as they happen', async () => {
    const stream = await openStream();
    try {
      expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await stream.waitFor((e) => e.event === 'ready');
      const { citizen, code } = await newTicket('tôi cần gặp cán bộ hỗ trợ');
      const created = await stream.waitFor((e) => e.data.kind === 'created' && e.data.code === code);
      expect(created.data.ticket).toMatchObject({ code, status: 'open', awaitingReply: true, claim: null });
      await citizen.say('số điện thoại của tôi là 0905 123 456');
      const message = await stream.waitFor((e) => e.data.kind === 'message' && e.data.code === code);
      expect(message.data.lines.map((l: any) => l.text)).toContain('số điện thoại của tôi là [số]');
      expect(message.data.ticket.lastCitizenMessage).toBe('số điện thoại của tôi là [số]');
      expect(JSON.stringify(stream.events)).not.toContain('0905');
      await post(`/tickets/${code}/claim`, 'Lan');
      const claimed = await stream.waitFor((e) => e.data.kind === 'claimed' && e.data.code === code);
      expect(claimed.data.ticket.claim.officer).toBe('Lan');
    } finally {
      await stream.close();
    }
  });

  it('records who opened a stream in the audit log', async () => {
    const entries = await t.app.audit.entries();
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'ticket.stream', officer: 'Lan', outcome: 'ok' })]));
  });
});

describe('the ready-made replies', () => {
  it('are served from intents/helpdesk/replies.yaml', async () => {
    const res = await get('/replies');
    expect(res.status).toBe(200);
    expect(res.body.replies.length).toBeGreaterThanOrEqual(3);
    for (const reply of res.body.replies) expect(reply).toEqual({ id: expect.any(String), title: expect.any(String), text: expect.any(String) });
  });
});

describe('the overdue list', () => {
  it('exports the same rows as the JSON, in the chosen order, as CSV a spreadsheet reads', async () => {
    const json = (await get('/overdue?sort=code&order=asc')).body;
    expect(json.count).toBeGreaterThan(1);
    const res = await fetch(`${t.url}/api/helpdesk/overdue?format=csv&sort=code&order=asc`, { headers: as('Lan') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ho-so-qua-han-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Mã hồ sơ,Mã thủ tục,Tên thủ tục,Trạng thái,Cơ quan,Ngày tiếp nhận,Hạn trả kết quả,Số ngày quá hạn');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(json.dossiers.map((d: any) => d.code));
    expect(json.dossiers.map((d: any) => d.code)).toEqual([...json.dossiers.map((d: any) => d.code)].sort());
    expect(lines.join('\n')).not.toMatch(/applicant|0905|\d{9,}/);
  });

  it.each([
    ['most overdue first by default', '', (a: any, b: any) => b.daysOverdue - a.daysOverdue],
    ['the soonest due date first', '?sort=dueAt', (a: any, b: any) => Date.parse(a.dueAt) - Date.parse(b.dueAt)],
    ['the latest received first', '?sort=receivedAt&order=desc', (a: any, b: any) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt)],
  ])('sorts %s', async (_case, query, compare) => {
    const rows = (await get(`/overdue${query}`)).body.dossiers;
    expect(rows).toEqual([...rows].sort(compare));
  });

  it('refuses an unknown sort key or format', async () => {
    expect((await get('/overdue?sort=applicant')).body.error).toBe('VALIDATION_FAILED');
    expect((await get('/overdue?format=xlsx')).body.error).toBe('VALIDATION_FAILED');
  });
});

describe('the console routes without the help-desk token', () => {
  const routes: Array<[string, string]> = [
    ['GET', '/api/helpdesk/events'],
    ['GET', '/api/helpdesk/replies'],
    ['GET', '/api/helpdesk/overdue?format=csv'],
    ['POST', '/api/helpdesk/tickets/HT-ZZZZZZ/claim'],
    ['POST', '/api/helpdesk/tickets/HT-ZZZZZZ/release'],
    ['POST', '/api/helpdesk/tickets/HT-ZZZZZZ/handback'],
  ];
  it.each(routes.flatMap(([method, route]) => [
    [method, route, 'no token', {}],
    [method, route, 'the admin token', { authorization: 'Bearer admin-console' }],
  ]))('%s %s answers 401 with %s', async (method, route, _case, headers) => {
    const res = await call(method as string, `${t.url}${route}`, { headers: headers as Record<string, string> });
    expect({ status: res.status, error: res.body?.error }).toEqual({ status: 401, error: 'UNAUTHORIZED' });
  });

  it('serves the console page itself to anyone: it holds no data', async () => {
    const page = await fetch(`${t.url}/helpdesk`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('Hàng chờ');
    expect(html).toContain('Tra cứu hồ sơ');
    expect(html).toContain('Quá hạn');
    expect((await fetch(`${t.url}/helpdesk/js/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${t.url}/helpdesk/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
