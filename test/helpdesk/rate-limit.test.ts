import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { Citizen, textOf } from './chat.js';

// Limits against trying dossier codes in a row, through the real chat: per conversation
// (the default, 5 new codes a minute) and per client address (lowered here to 8).

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ LOOKUPS_PER_ADDRESS: '8' }); });
afterAll(async () => { await t.close(); });

const unknown = (n: number) => `000.00.16.H17-261105-${String(9000 + n)}`;

describe('lookup limits in the chat', () => {
  it('answers politely after 5 new codes in a minute in one conversation, still answering a code already seen', async () => {
    const citizen = await Citizen.start(t.url);
    for (let n = 0; n < 5; n += 1) expect(textOf(await citizen.say(`tra cứu hồ sơ ${unknown(n)}`))).toContain('không tìm thấy hồ sơ');
    const refused = await citizen.say('tra cứu hồ sơ G22.71-261105-0012');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.channelData.intent).toBe('dossier.status');
    expect(refused[0]!.text).toMatch(/tra cứu nhiều mã trong thời gian ngắn.*chờ khoảng \d+ giây/s);
    expect(refused[0]!.buttons).toContain('Gặp cán bộ hỗ trợ');
    expect(refused[0]!.text).not.toContain('đang xử lý');
    // Asking about a code already looked up is not guessing.
    expect(textOf(await citizen.say(`tra cứu hồ sơ ${unknown(0)}`))).toContain('không tìm thấy hồ sơ');
  });

  it('limits one client address across conversations, ticket codes included', async () => {
    // 5 lookups above and 1 repeat; 3 more new codes fit under 8, from new conversations.
    for (let n = 5; n < 8; n += 1) {
      const other = await Citizen.start(t.url);
      expect(textOf(await other.say(unknown(n)))).toContain('không tìm thấy hồ sơ');
    }
    const fresh = await Citizen.start(t.url);
    expect(textOf(await fresh.say('tra cứu hồ sơ G22.71-261105-0012'))).toContain('tra cứu nhiều mã');
    const ticket = await fresh.say('xem phản hồi HT-ABCDEF');
    expect(ticket[0]!.channelData.intent).toBe('handoff');
    expect(ticket[0]!.text).toContain('tra cứu nhiều mã');
  });

  it('records refused lookups in the audit log', async () => {
    const entries = await t.app.audit.entries();
    expect(entries.filter((e) => e.outcome === 'limited').map((e) => e.action)).toEqual(['citizen.lookup', 'citizen.lookup', 'citizen.ticket']);
  });
});
