import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { removeDir, startMockPortalProcess, type MockPortalProcess } from '../helpers/mock-portal-process.js';
import { Citizen, textOf } from './chat.js';

// The assistant with PORTAL_URL pointing at `npm run mock-portal` as a real process, slowed
// down and then stopped: the citizen hears back within 5 s and is offered the help desk.

const TOKEN = 'helpdesk-faults';
const CHAT_BUDGET_MS = 5000;
let portal: MockPortalProcess;
let t: TestApp;

beforeAll(async () => {
  portal = await startMockPortalProcess();
  t = await startTestApp({ PORTAL_URL: portal.url, HELPDESK_TOKEN: TOKEN });
});
afterAll(async () => {
  await t.close();
  await portal.stop();
  removeDir(portal.dataDir);
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

function expectPortalDownAnswer(answer: Awaited<ReturnType<Citizen['say']>>): void {
  expect(answer).toHaveLength(1);
  expect(answer[0]!.channelData.intent).toBe('dossier.status');
  expect(answer[0]!.text).toContain('không phản hồi');
  expect(answer[0]!.buttons).toContain('Gặp cán bộ hỗ trợ');
}

describe('the chat when the portal is slow or down', () => {
  it('answers from a working portal process', async () => {
    const citizen = await Citizen.start(t.url);
    expect(textOf(await citizen.say('tra cứu hồ sơ G22.71-261105-0012'))).toContain('**đang xử lý**');
  });

  it('says so within 5 s when the portal takes 10 s, and offers the help desk', async () => {
    await portal.control({ delayMs: 10_000 });
    const citizen = await Citizen.start(t.url);
    const { value, ms } = await timed(() => citizen.say('tra cứu hồ sơ G22.71-261105-0012'));
    expectPortalDownAnswer(value);
    expect(ms).toBeLessThan(CHAT_BUDGET_MS);
    await portal.control({ delayMs: 0 });
  });

  it('answers the help-desk API with 503 and a JSON error when the portal times out', async () => {
    await portal.control({ delayMs: 10_000 });
    const { value: res, ms } = await timed(() => fetch(`${t.url}/api/helpdesk/dossiers/G22.71-261105-0012`, { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'PORTAL_UNAVAILABLE', message: expect.any(String) });
    expect(ms).toBeLessThan(CHAT_BUDGET_MS);
    await portal.control({ delayMs: 0 });
  });

  it('gets through a portal that fails twice and then answers (retries)', async () => {
    await portal.control({ failNext: 2 });
    const citizen = await Citizen.start(t.url);
    expect(textOf(await citizen.say('tra cứu hồ sơ 000.00.16.H17-261120-0015'))).toContain('**đang xử lý**');
  });

  it('says so within 5 s when the portal process is stopped, and the conversation goes on', async () => {
    await portal.stop();
    const citizen = await Citizen.start(t.url);
    const { value, ms } = await timed(() => citizen.say('tra cứu hồ sơ G22.71-261105-0012'));
    expectPortalDownAnswer(value);
    expect(ms).toBeLessThan(CHAT_BUDGET_MS);
    // Nothing crashed: the help desk is a message away, and other questions are answered.
    const handoff = await citizen.say('cho tôi gặp cán bộ');
    expect(handoff[0]!.channelData.intent).toBe('handoff');
    expect(handoff[0]!.text).toMatch(/HT-[A-Z0-9]{6}/);
    expect((await citizen.say('làm căn cước cần giấy tờ gì'))[0]!.channelData.intent).toBe('procedure.documents');
  });

  it('answers the help-desk API with 503 when the portal process is stopped', async () => {
    const res = await fetch(`${t.url}/api/helpdesk/overdue`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toBe('PORTAL_UNAVAILABLE');
  });
});
