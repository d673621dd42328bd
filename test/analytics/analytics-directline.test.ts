import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PollingClient } from '../directline/client.js';
import { adminQuery, PG_STORE, schemaFor } from '../helpers/pg.js';
import { call, startTestApp, type TestApp } from '../helpers/test-app.js';

// Analytics end to end: five citizens talk to the assistant over Direct Line, vote on answers
// (two up, one down with a reason) and rate a conversation; staff read the figures of the day
// from GET /api/admin/analytics, as JSON and as CSV. Nothing a citizen typed that could name
// them (a name, a phone number) is in the answer or in the files analytics keeps.

const ADMIN = 'analytics-admin-token';
const NAME = 'Nguyễn Văn Bình';
const PHONE = '0912345678';
let t: TestApp;
let today: string;

beforeAll(async () => {
  t = await startTestApp({ ADMIN_TOKEN: ADMIN });
  today = t.app.analytics.today();
});
afterAll(async () => { await t.close(); });

const analytics = (query = `?from=${today}&to=${today}`, token: string | null = ADMIN) => call('GET', `${t.url}/api/admin/analytics${query}`, token ? { token } : {});

interface Said { id: string; text: string; procedure: string | null; intent: string; buttons: Array<{ title: string; value: unknown }> }

/** What analytics keeps (in DATA_DIR/analytics, or its tables with DVC_TEST_STORE=pg), its events, and the Direct Line conversation ids. */
async function kept(): Promise<{ text: string; events: any[]; conversationIds: string }> {
  if (PG_STORE) {
    const schema = schemaFor(t.dataDir);
    const rows = async (sql: string): Promise<string[]> => (await adminQuery(sql)).rows.map((r) => String(r.text));
    const events = await rows(`SELECT event::text AS text FROM ${schema}.analytics_events`);
    const days = await rows(`SELECT figures::text AS text FROM ${schema}.analytics_days`);
    return { text: [...events, ...days].join('\n'), events: events.map((e) => JSON.parse(e)), conversationIds: (await rows(`SELECT id AS text FROM ${schema}.dl_conversations`)).join('\n') };
  }
  const dir = path.join(t.dataDir, 'analytics');
  const events = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
  return { text: readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n'), events, conversationIds: JSON.stringify(readdirSync(path.join(t.dataDir, 'directline'))) };
}

async function start(): Promise<PollingClient> {
  const client = await PollingClient.start(`${t.url}/v3/directline`);
  await client.poll();
  return client;
}

/** Posts an activity and answers the bot's messages in reply to it. */
async function send(client: PollingClient, activity: Record<string, unknown>): Promise<Said[]> {
  const posted = await client.post(activity);
  expect(posted.status).toBe(200);
  const activities = await client.poll();
  return activities.filter((a) => a.type === 'message' && a.replyToId === posted.body.id).map((a) => ({
    id: a.id, text: a.text, procedure: a.channelData?.procedure ?? null, intent: a.channelData?.intent,
    buttons: (a.suggestedActions?.actions ?? []).map((b: any) => ({ title: b.title, value: b.value })),
  }));
}

const ask = async (client: PollingClient, text: string): Promise<Said> => (await send(client, { text }))[0]!;
/** A vote as the chat page sends it: a hidden postBack message with the contract's value. */
const vote = (client: PollingClient, value: Record<string, unknown>) => send(client, { value, channelData: { postBack: true } });

describe('analytics over Direct Line', () => {
  let downAnswer: Said;

  it('counts five conversations, their messages, procedures and votes for today', async () => {
    const [a, b, c, d, e] = await Promise.all([start(), start(), start(), start(), start()]);
    const cccd = await ask(a!, 'làm căn cước lần đầu cần gì');
    expect(cccd.procedure).toBe('cap-the-can-cuoc');
    const fee = await ask(a!, 'lệ phí bao nhiêu');
    expect(fee.procedure).toBe('cap-the-can-cuoc');
    const gplx = await ask(b!, 'đổi bằng lái hết bao nhiêu tiền');
    expect(gplx.procedure).toBe('doi-giay-phep-lai-xe');
    downAnswer = await ask(c!, `Tôi là ${NAME}, số điện thoại ${PHONE}, làm hộ chiếu mất bao lâu`);
    expect(downAnswer.procedure).toBe('cap-ho-chieu-pho-thong');
    expect((await ask(d!, 'hôm nay trời có mưa không')).intent).toBe('none');
    expect((await ask(e!, 'đăng ký khai sinh nộp ở đâu')).procedure).toBe('dang-ky-khai-sinh');
    expect((await ask(e!, 'cho tôi gặp cán bộ')).intent).toBe('handoff');

    // Thumbs up on two answers: counted silently.
    expect(await vote(a!, { feedback: 'up', replyTo: cccd.id })).toEqual([]);
    expect(await vote(b!, { feedback: 'up', replyTo: gplx.id })).toEqual([]);
    // Thumbs down: one optional question, with the four reasons as buttons.
    const [askWhy] = await vote(c!, { feedback: 'down', replyTo: downAnswer.id });
    expect(askWhy!.text).toMatch(/chưa tốt ở điểm nào/);
    expect(askWhy!.buttons.map((x) => x.title)).toEqual(['Sai thông tin', 'Không đúng câu tôi hỏi', 'Khó hiểu', 'Khác']);
    const [thanks] = await send(c!, { text: askWhy!.buttons[0]!.title, value: askWhy!.buttons[0]!.value });
    expect(thanks!.text).toMatch(/Cảm ơn bạn đã góp ý/);
    // A vote on something that is not an answer of the conversation counts for nothing.
    expect(await vote(d!, { feedback: 'up', replyTo: cccd.id })).toEqual([]);

    // Thanks offers a rating from 1 to 5, once.
    const bye = await ask(b!, 'cảm ơn nhiều');
    expect(bye.buttons.map((x) => x.title)).toEqual(['1 sao', '2 sao', '3 sao', '4 sao', '5 sao']);
    const [rated] = await send(b!, { text: '4 sao', value: bye.buttons[3]!.value });
    expect(rated!.text).toMatch(/Cảm ơn bạn đã đánh giá/);
    expect((await ask(b!, 'tạm biệt')).buttons).toEqual([]);

    const res = await analytics();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: today, to: today,
      conversations: 5,
      messages: 9,
      understood: 8,
      handoffs: 1,
      feedback: { up: 2, down: 1 },
      reasons: { 'wrong-info': 1 },
      rating: { count: 1, average: 4 },
      target: 0.9,
      byProcedure: { 'cap-the-can-cuoc': 2, 'doi-giay-phep-lai-xe': 1, 'cap-ho-chieu-pho-thong': 1, 'dang-ky-khai-sinh': 1 },
      feedbackByProcedure: { 'cap-the-can-cuoc': { up: 1, down: 0 }, 'doi-giay-phep-lai-xe': { up: 1, down: 0 }, 'cap-ho-chieu-pho-thong': { up: 0, down: 1 } },
      byChannel: { directline: 9 },
    });
    expect(res.body.satisfaction).toBeCloseTo(2 / 3);
    expect(res.body.understoodRate).toBeCloseTo(8 / 9);
    expect(res.body.byIntent).toMatchObject({ 'procedure.documents': 1, 'procedure.fee': 2, 'procedure.duration': 1, 'procedure.location': 1, none: 1, handoff: 1, thanks: 1, goodbye: 1 });
    expect(res.body.misunderstood).toHaveLength(1);
    expect(res.body.byDay).toEqual([expect.objectContaining({ date: today, conversations: 5, messages: 9, feedback: { up: 2, down: 1 } })]);
    expect(res.body.latency.p50).toBeGreaterThan(0);
    expect(res.body.latency.p95).toBeGreaterThanOrEqual(res.body.latency.p50);
  });

  it('changes a vote instead of adding one', async () => {
    const client = await start();
    const answer = await ask(client, 'lam cccd o dau');
    await vote(client, { feedback: 'up', replyTo: answer.id });
    await vote(client, { feedback: 'down', replyTo: answer.id });
    await vote(client, { feedback: 'up', replyTo: answer.id });
    const res = await analytics();
    expect(res.body.feedback).toEqual({ up: 3, down: 1 });
    expect(res.body.conversations).toBe(6);
    // The thumbs down taken back before staff saw it does not reach the inbox.
    const inbox = await call('GET', `${t.url}/api/admin/misunderstood`, { token: ADMIN });
    expect(inbox.body.filter((g: any) => g.feedback?.procedure === 'cap-the-can-cuoc')).toEqual([]);
  });

  it('keeps no name, phone number or conversation id a citizen typed, in the answer or in the files', async () => {
    await t.app.analytics.flush();
    const answer = JSON.stringify((await analytics()).body);
    const { text, events, conversationIds } = await kept();
    for (const written of [answer, text]) {
      for (const secret of [PHONE, '912345678', NAME, 'Bình', 'căn cước', 'hộ chiếu']) expect(written).not.toContain(secret);
    }
    expect(events.length).toBeGreaterThanOrEqual(9);
    // Conversations are kept as keyed hashes, never their ids.
    const conversations = new Set(events.map((e) => e.conversation));
    expect(conversations.size).toBe(6);
    for (const hash of conversations) expect(conversationIds).not.toContain(hash);
  });

  it('sends the thumbs down to the staff inbox with the question, masked, the answer and the reason', async () => {
    const inbox = await call('GET', `${t.url}/api/admin/misunderstood`, { token: ADMIN });
    const rated = inbox.body.find((g: any) => g.feedback?.procedure === 'cap-ho-chieu-pho-thong');
    expect(rated).toMatchObject({ intent: 'procedure.duration', feedback: { procedure: 'cap-ho-chieu-pho-thong', reason: 'wrong-info' } });
    expect(rated.text).toContain('làm hộ chiếu mất bao lâu');
    expect(rated.text).not.toContain(PHONE);
    expect(rated.text).not.toContain(NAME);
    expect(rated.feedback.answer.slice(0, 40)).toBe(downAnswer.text.slice(0, 40));
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'not-the-token'],
  ])('answers 401 with %s', async (_name, token) => {
    const res = await analytics(`?from=${today}&to=${today}`, token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'UNAUTHORIZED', message: expect.any(String) });
  });

  it.each([
    ['a malformed date', '?from=2026-13-01'],
    ['a day that does not exist', '?from=2026-02-30&to=2026-03-01'],
    ['from after to', '?from=2026-12-02&to=2026-12-01'],
    ['a range of more than three years', '?from=2020-01-01&to=2026-01-01'],
    ['an unknown format', '?format=xml'],
  ])('refuses %s with a 400 that says what to send', async (_name, query) => {
    const res = await analytics(query);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
  });

  it('answers the last 30 days when no range is given, every day listed', async () => {
    const res = await analytics('');
    expect(res.status).toBe(200);
    expect(res.body.to).toBe(today);
    expect(res.body.byDay).toHaveLength(30);
    expect(res.body.byDay[29]).toMatchObject({ date: today, messages: 10 });
    expect(res.body.byDay[0]).toMatchObject({ messages: 0, satisfaction: null });
  });

  it('answers what citizens met while each model served, for the retraining report', async () => {
    const serving = t.app.training.models.servingId;
    const res = await call('GET', `${t.url}/api/admin/analytics/traffic?models=${serving},m-never-served`, { token: ADMIN });
    expect(res.status).toBe(200);
    expect(res.body[serving]).toMatchObject({ messages: 10, understood: 9, understoodRate: 0.9, feedback: { up: 3, down: 1 }, satisfaction: 0.75, from: today, to: today });
    expect(res.body['m-never-served']).toEqual({ messages: 0, understood: 0, understoodRate: null, feedback: { up: 0, down: 0 }, satisfaction: null, from: null, to: null });
    expect((await call('GET', `${t.url}/api/admin/analytics/traffic`, { token: ADMIN })).status).toBe(400);
    expect((await call('GET', `${t.url}/api/admin/analytics/traffic?models=${serving}`)).status).toBe(401);
  });

  it('exports the same figures as CSV, one row per day and the range last', async () => {
    const res = await fetch(`${t.url}/api/admin/analytics?from=${today}&to=${today}&format=csv`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`thong-ke-${today}-${today}.csv`);
    const rows = (await res.text()).trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['date', 'conversations', 'messages', 'understood', 'understood_rate', 'handoffs', 'thumbs_up', 'thumbs_down', 'satisfaction', 'ratings', 'rating_average', 'latency_p50_ms', 'latency_p95_ms']);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 4)).toEqual([today, '6', '10', '9']);
    expect(rows[2]!.slice(0, 9)).toEqual([`${today}..${today}`, '6', '10', '9', '0.9', '1', '3', '1', '0.75']);
  });
});
