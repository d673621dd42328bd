import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { call } from '../helpers/test-app.js';
import { describePg, dropSchema, freshSchema, schemaUrl } from '../helpers/pg.js';
import { PollingClient, StreamingClient } from '../directline/client.js';

// Two `npm start` processes on one PostgreSQL database (contract section 9), each with a
// DATA_DIR of its own, so nothing they share goes through files. A conversation is posted
// to and read from either, in any mix.

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'admin-token-for-the-several-processes-test';
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bot messages of the log that answer the activity `id`. */
const repliesTo = (activities: any[], id: string): any[] => activities.filter((a) => a.type === 'message' && a.replyToId === id);

describePg('two processes on one PostgreSQL database', () => {
  let schema: string;
  let databaseUrl: string;
  const dirs: string[] = [];
  let a: ServerProcess;
  let b: ServerProcess;

  const start = async (): Promise<ServerProcess> => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-several-'));
    dirs.push(dataDir);
    return startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ADMIN_TOKEN });
  };
  const dl = (server: ServerProcess): string => `${server.url}/v3/directline`;

  beforeAll(async () => {
    schema = freshSchema('several');
    databaseUrl = await schemaUrl(schema);
    [a, b] = await Promise.all([start(), start()]);
  }, 120_000);

  afterAll(async () => {
    for (const server of [a, b]) server?.child.kill('SIGTERM');
    await Promise.all([a, b].map((s) => s?.exited));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('keeps the context of 8 conversations whose turns alternate between the processes', async () => {
    const questions = ['lệ phí bao nhiêu?', 'nộp ở đâu?', 'mất bao lâu?', 'cần giấy tờ gì?'];
    const openers = ['làm căn cước lần đầu cần gì', 'đăng ký khai sinh cho con', 'đổi bằng lái xe ô tô', 'đăng ký kết hôn cần gì'];
    const run = async (n: number): Promise<Array<string | null>> => {
      const started = await call('POST', `${dl(n % 2 ? a : b)}/conversations`);
      const clients = [a, b].map((s) => PollingClient.attach(dl(s), started.body.conversationId, started.body.token));
      const procedures: Array<string | null> = [];
      for (const [turn, text] of [openers[n % openers.length]!, ...questions].entries()) {
        const via = clients[(turn + n) % 2]!;
        const posted = await via.post({ text });
        expect(posted.status).toBe(200);
        // Read through the other process.
        const other = clients[(turn + n + 1) % 2]!;
        const replies = repliesTo(await other.poll(), posted.body.id);
        expect(replies.length).toBeGreaterThan(0);
        procedures.push(replies[0].channelData?.procedure ?? null);
      }
      return procedures;
    };
    const all = await Promise.all(Array.from({ length: 8 }, (_, n) => run(n)));
    for (const procedures of all) {
      expect(procedures[0]).toEqual(expect.any(String));
      expect(new Set(procedures)).toEqual(new Set([procedures[0]]));
    }
  });

  it('answers quick messages posted to alternating processes once each, in the order they came', async () => {
    const started = await call('POST', `${dl(a)}/conversations`);
    const clients = [a, b].map((s) => PollingClient.attach(dl(s), started.body.conversationId, started.body.token));
    const texts = ['làm căn cước lần đầu cần gì', 'lệ phí bao nhiêu', 'nộp ở đâu', 'mất bao lâu', 'cần giấy tờ gì', 'làm online được không', 'đăng ký khai sinh', 'lệ phí bao nhiêu', 'nộp ở đâu', 'cảm ơn'];
    const posts: Array<Promise<{ status: number; body: any }>> = [];
    // Sent without waiting for the answers; the gap keeps the order they reach the servers in.
    for (const [i, text] of texts.entries()) {
      posts.push(clients[i % 2]!.post({ text }));
      await tick(80);
    }
    // Then ten more all at once, so that turns queue across both processes.
    for (const [i, text] of texts.entries()) posts.push(clients[i % 2]!.post({ text: `${text} nữa` }));
    const answers = await Promise.all(posts);
    expect(answers.map((r) => r.status)).toEqual(posts.map(() => 200));
    const log = await clients[0]!.poll();
    const userMessages = log.filter((x) => x.from?.role === 'user');
    expect(userMessages.slice(0, 10).map((x) => x.text)).toEqual(texts);
    expect(userMessages.slice(0, 10).map((x) => x.id)).toEqual(answers.slice(0, 10).map((r) => r.body.id));
    expect(userMessages.slice(10).map((x) => x.id).sort()).toEqual(answers.slice(10).map((r) => r.body.id).sort());
    // Each message is followed by its own answer, before the next message: one turn each, in order.
    for (const [i, message] of userMessages.entries()) {
      const from = log.indexOf(message);
      const to = i + 1 < userMessages.length ? log.indexOf(userMessages[i + 1]) : log.length;
      const between = log.slice(from + 1, to);
      expect(between.filter((x) => x.type === 'message').length).toBeGreaterThan(0);
      expect(between.every((x) => x.replyToId === message.id)).toBe(true);
    }
    expect(new Set(log.map((x) => x.id)).size).toBe(log.length);
  });

  it('sends a WebSocket opened on one process the replies to messages posted to the other', async () => {
    const streaming = await StreamingClient.start(dl(b));
    try {
      const poster = PollingClient.attach(dl(a), streaming.conversationId, streaming.token);
      const posted = await poster.post({ text: 'đăng ký khai sinh cần giấy tờ gì' });
      const reply = await streaming.waitFor((x) => x.type === 'message' && x.replyToId === posted.body.id);
      expect(reply.channelData.procedure).toEqual(expect.any(String));
    } finally {
      streaming.close();
    }
  });

  it('serves a staff edit and a retraining made through one process from the other', async () => {
    const admin = (server: ServerProcess, method: string, route: string, body?: unknown) =>
      call(method, `${server.url}${route}`, { token: ADMIN_TOKEN, ...(body === undefined ? {} : { body }) });
    const created = await admin(a, 'POST', '/api/admin/intents', {
      title: 'Chỗ gửi xe',
      answer: 'Trụ sở có bãi gửi xe máy miễn phí.',
      utterances: ['có chỗ gửi xe máy không', 'gửi xe ở đâu', 'trụ sở có bãi đỗ xe không'],
    });
    expect(created.status).toBe(201);
    const intent = created.body.intent as string;
    const trained = await admin(a, 'POST', '/api/admin/train', { confirm: true });
    expect(trained.status).toBe(200);
    const servingOnA = trained.body.model.id as string;
    // B follows the change feed: the model A trained serves there too.
    let parsed: any;
    for (let i = 0; i < 50; i++) {
      parsed = (await call('POST', `${b.url}/api/parse`, { body: { text: 'có chỗ gửi xe máy không ạ' } })).body;
      if (parsed.faq?.intent === intent) break;
      await tick(100);
    }
    expect(parsed.faq?.intent).toBe(intent);
    expect((await admin(b, 'GET', '/api/admin/models')).body.serving).toBe(servingOnA);

    // An answer edit through A is what B answers from then on.
    const edited = await admin(a, 'PUT', `/api/admin/intents/${intent}`, { answer: 'Trụ sở có bãi gửi cả ô tô.' });
    expect(edited.status).toBe(200);
    const chat = await StreamingClient.start(dl(b));
    try {
      let answer = '';
      for (let i = 0; i < 20 && !answer.includes('ô tô'); i++) {
        answer = (await chat.ask('có chỗ gửi xe máy không')).text;
        if (!answer.includes('ô tô')) await tick(100);
      }
      expect(answer).toBe('Trụ sở có bãi gửi cả ô tô.');
    } finally {
      chat.close();
    }
  });

  it('serves a staff knowledge edit made through one process (PUT /api/admin/procedures/{id}) from the other at its next turn', async () => {
    const ID = 'cap-ho-chieu-pho-thong';
    const fees = (text: string): string[] => [...text.matchAll(/\d{1,3}(?:\.\d{3})+/g)].map((m) => m[0]);
    const askFee = async (server: ServerProcess): Promise<string> => {
      const client = await PollingClient.start(dl(server));
      const [reply] = await client.ask('làm hộ chiếu hết bao nhiêu tiền');
      expect(reply.channelData?.procedure).toBe(ID);
      return String(reply.text);
    };
    const before = fees(await askFee(b));
    const original = (await call('GET', `${a.url}/api/admin/procedures/${ID}`, { token: ADMIN_TOKEN })).body;
    const [first, ...rest] = original.cases;
    // The curated passport fee may be unset (rate of Thông tư 28/2026/TT-BTC unverified): then 35.000.
    const amount = Number((before[0] ?? '0').replace(/\./g, '')) + 35_000;
    const put = await call('PUT', `${a.url}/api/admin/procedures/${ID}`, {
      token: ADMIN_TOKEN, body: { cases: [{ ...first, fees: [{ ...first.fees[0], amount }, ...first.fees.slice(1)] }, ...rest] },
    });
    expect(put.status).toBe(200);
    const expected = amount.toLocaleString('de-DE');
    let after: string[] = [];
    for (let i = 0; i < 30 && after[0] !== expected; i++) {
      after = fees(await askFee(b));
      if (after[0] !== expected) await tick(100);
    }
    expect(after).toEqual([expected, ...before.slice(1)]);
    const onB = await call('GET', `${b.url}/api/admin/procedures/${ID}/history`, { token: ADMIN_TOKEN });
    expect(onB.body.versions.map((v: any) => [v.version, v.current])).toEqual([[1, true], [0, false]]);
  });

  it('goes on with a conversation on the other process when one is killed, losing no acknowledged message', async () => {
    const victim = await start();
    try {
      const started = await call('POST', `${dl(victim)}/conversations`);
      const onVictim = PollingClient.attach(dl(victim), started.body.conversationId, started.body.token);
      const acknowledged: string[] = [];
      for (const text of ['làm căn cước lần đầu cần gì', 'lệ phí bao nhiêu']) {
        const posted = await onVictim.post({ text });
        expect(posted.status).toBe(200);
        acknowledged.push(posted.body.id);
      }
      // Under traffic: a message in flight when the process dies is either answered or refused, never half-kept.
      const inFlight = onVictim.post({ text: 'nộp ở đâu' }).catch(() => null);
      await tick(5);
      victim.child.kill('SIGKILL');
      await victim.exited;
      const lastWord = await inFlight;
      if (lastWord?.status === 200) acknowledged.push(lastWord.body.id);

      const onSurvivor = PollingClient.attach(dl(a), started.body.conversationId, started.body.token);
      const log = await onSurvivor.poll();
      for (const id of acknowledged) {
        expect(log.map((x) => x.id)).toContain(id);
        expect(repliesTo(log, id).length).toBeGreaterThan(0);
      }
      const next = await onSurvivor.ask('mất bao lâu');
      expect(next[0].channelData).toMatchObject({ procedure: 'cap-the-can-cuoc' });
    } finally {
      victim.child.kill('SIGKILL');
    }
  });
});
