import { startTestApp, postJson, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

/** One message to /api/messages with the replies returned in the HTTP answer. */
async function ask(text: string, conversation = 'conv-1'): Promise<any[]> {
  const res = await postJson(`${t.url}/api/messages`, {
    type: 'message',
    id: `m-${Math.random()}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
    text,
  });
  expect(res.status).toBe(200);
  return (res.body.activities as any[]).filter((a) => a.type === 'message');
}

describe('the bot server over real HTTP', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('parses a question on POST /api/parse with the contract shape', async () => {
    const res = await postJson(`${t.url}/api/parse`, { text: 'doi bang lai het bao nhieu tien' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: 'doi bang lai het bao nhieu tien', intent: 'procedure.fee', procedure: 'doi-giay-phep-lai-xe', entities: {} });
    expect(typeof res.body.confidence).toBe('number');
  });

  it.each([
    ['malformed JSON', '{"text": ', 'INVALID_JSON'],
    ['a body that is not an object', '[1,2]', 'VALIDATION_FAILED'],
    ['text of the wrong type', '{"text": 42}', 'VALIDATION_FAILED'],
  ])('answers %s on /api/parse with a JSON error', async (_kind, body, code) => {
    const res = await postJson(`${t.url}/api/parse`, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(code);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('NOT_FOUND');
  });

  it('answers a fee question in Vietnamese with channelData and next questions', async () => {
    const [reply] = await ask('làm căn cước cho con hết bao nhiêu tiền');
    expect(reply.channelData).toEqual({ intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' });
    expect(reply.text).toMatch(/Lệ phí/);
    expect(reply.suggestedActions.actions.length).toBeGreaterThan(2);
  });

  it('remembers the procedure in play for a follow-up question', async () => {
    await ask('đăng ký tạm trú cần giấy tờ gì', 'conv-follow');
    const [reply] = await ask('nộp ở đâu?', 'conv-follow');
    expect(reply.channelData).toEqual({ intent: 'procedure.location', procedure: 'dang-ky-tam-tru' });
  });

  it('says honestly when it does not understand', async () => {
    const [reply] = await ask('giá vàng hôm nay bao nhiêu');
    expect(reply.channelData.intent).toBe('none');
    expect(reply.text).toMatch(/chưa hiểu/);
  });

  it('greets back', async () => {
    const [reply] = await ask('xin chào');
    expect(reply.channelData.intent).toBe('greeting');
    expect(reply.text).toMatch(/Xin chào/);
  });

  it('asks politely for text when the message is empty', async () => {
    const [reply] = await ask('   ');
    expect(reply.text).toMatch(/chưa nhập nội dung/);
  });
});
