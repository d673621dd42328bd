import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Tickets, TICKET_LIMITS } from '../../src/helpdesk/tickets.js';
import { FileTicketStore } from '../../src/store/file/file-ticket-store.js';
import { isTicketCode, extractTicketCode, newTicketCode, mentionsTicketCode } from '../../src/helpdesk/ticket-code.js';
import { silentLogger } from '../../src/log/logger.js';
import { AppError } from '../../src/errors.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-tickets-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const openTickets = async (): Promise<Tickets> => new Tickets(await FileTicketStore.open(dir, silentLogger));

const at = '2026-11-22T10:00:00.000Z';

describe('handoff tickets', () => {
  it('masks what the citizen typed, keeps dossier codes, and survives a restart', async () => {
    const store = await openTickets();
    const ticket = await store.create({
      conversationId: 'c1',
      channelId: 'directline',
      transcript: [
        { from: 'citizen', text: 'hồ sơ 000.00.16.H17-261105-0007, sđt 0905 123 456, cccd 048190001234', at },
        { from: 'citizen', text: '3456', at },
        { from: 'bot', text: 'Hẹn trả kết quả: 17:00 ngày 06/11/2026', at },
      ],
    });
    expect(isTicketCode(ticket.code)).toBe(true);
    expect(ticket.transcript.map((l) => l.text)).toEqual([
      'hồ sơ 000.00.16.H17-261105-0007, sđt [số], cccd [số]',
      '[số]',
      'Hẹn trả kết quả: 17:00 ngày 06/11/2026',
    ]);
    await store.addReply(ticket.code, { officer: 'Lan', text: 'Đã nhận' });

    const reopened = await openTickets();
    expect(await reopened.get(ticket.code)).toMatchObject({ status: 'open', replies: [{ officer: 'Lan', text: 'Đã nhận', delivered: false }] });
    expect((await reopened.openFor('c1'))?.code).toBe(ticket.code);
  });

  it('keeps only the newest lines of a long conversation', async () => {
    const store = await openTickets();
    const ticket = await store.create({ conversationId: 'c1', channelId: 'directline', transcript: [] });
    const lines = Array.from({ length: TICKET_LIMITS.transcript + 5 }, (_, i) => ({ from: 'citizen' as const, text: `câu ${i}`, at }));
    const after = await store.appendLines(ticket.code, lines);
    expect(after.transcript).toHaveLength(TICKET_LIMITS.transcript);
    expect(after.transcript.at(-1)?.text).toBe(`câu ${TICKET_LIMITS.transcript + 4}`);
  });

  it('refuses replies to a closed ticket and to one that does not exist', async () => {
    const store = await openTickets();
    const ticket = await store.create({ conversationId: 'c1', channelId: 'directline', transcript: [] });
    const closed = await store.close(ticket.code, 'Lan');
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'Lan' });
    expect(await store.openFor('c1')).toBeUndefined();
    await expect(store.addReply(ticket.code, { officer: null, text: 'x' })).rejects.toMatchObject({ code: 'TICKET_CLOSED' });
    await expect(store.close('HT-ZZZZZZ', null)).rejects.toBeInstanceOf(AppError);
  });

  it('knows the open ticket of a conversation after a restart, and none once it is closed', async () => {
    const store = await openTickets();
    const ticket = await store.create({ conversationId: 'c1', channelId: 'directline', transcript: [] });
    expect((await (await openTickets()).openFor('c1'))?.code).toBe(ticket.code);
    await store.close(ticket.code, null);
    expect(await (await openTickets()).openFor('c1')).toBeUndefined();
  });
});

describe('ticket codes', () => {
  it('are HT- and 6 characters without look-alikes, and distinct', () => {
    const codes = new Set(Array.from({ length: 500 }, newTicketCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^HT-[A-HJKMNP-Z2-9]{6}$/);
  });

  it.each([
    ['xem phản hồi mã HT-7K3M9Q', 'HT-7K3M9Q'],
    ['ht-7k3m9q', 'HT-7K3M9Q'],
    ['HT 7K3M9Q', 'HT-7K3M9Q'],
    ['mã ht–7k3m9q nhé', 'HT-7K3M9Q'],
  ])('are read from %s', (text, code) => {
    expect(extractTicketCode(text)).toBe(code);
  });

  it.each(['HT-12', 'HT-7K3M9QX', 'tht-7k3m9q'])('are not read from %s', (text) => {
    expect(extractTicketCode(text)).toBeNull();
  });

  it('notice a ticket code of the wrong shape', () => {
    expect(mentionsTicketCode('xem phản hồi HT-12')).toBe(true);
    expect(mentionsTicketCode('hướng dẫn đăng ký khai sinh')).toBe(false);
  });
});

describe('holding a ticket', () => {
  const open = async () => {
    const store = await openTickets();
    const ticket = await store.create({ conversationId: 'c1', channelId: 'directline', transcript: [] });
    return { store, code: ticket.code };
  };

  it('keeps the claim across a restart, with when the officer last said something', async () => {
    const { store, code } = await open();
    await store.claim(code, 'Nguyễn Thị Lan');
    const reopened = await openTickets();
    expect(await reopened.claimOf(code)).toMatchObject({ officer: 'Nguyễn Thị Lan', lastReplyAt: null, heldNoticeAt: null });
    await reopened.addReply(code, { officer: 'nguyễn  thị lan', text: 'Chào bạn' });
    expect((await reopened.claimOf(code))?.lastReplyAt).toEqual(expect.any(String));
  });

  it.each([
    ['a reply', (s: Tickets, code: string) => s.addReply(code, { officer: 'Bình', text: 'x' })],
    ['a reply with no name', (s: Tickets, code: string) => s.addReply(code, { officer: null, text: 'x' })],
    ['a claim', (s: Tickets, code: string) => s.claim(code, 'Bình')],
    ['a release', (s: Tickets, code: string) => s.release(code, 'Bình')],
    ['a close', (s: Tickets, code: string) => s.close(code, 'Bình')],
    ['a hand-back', (s: Tickets, code: string) => s.handBack(code, null)],
  ])('refuses %s by anyone but the holder, naming the holder', async (_case, act) => {
    const { store, code } = await open();
    await store.claim(code, 'Lan');
    await expect(act(store, code)).rejects.toMatchObject({ code: 'TICKET_HELD', details: { holder: 'Lan' } });
    expect(await store.get(code)).toMatchObject({ status: 'open', claim: { officer: 'Lan' }, replies: [] });
  });

  describe('when the holder goes silent', () => {
    const lapseMs = 30 * 60_000;
    const clockAt = (start: number) => {
      let now = start;
      return { now: () => new Date(now), pass: (ms: number) => { now += ms; } };
    };
    const openWithClock = async () => {
      const clock = clockAt(Date.parse('2026-12-07T08:00:00.000Z'));
      const store = new Tickets(await FileTicketStore.open(dir, silentLogger), { claimLapseMs: lapseMs, now: clock.now });
      const ticket = await store.create({ conversationId: 'c1', channelId: 'directline', transcript: [] });
      return { store, code: ticket.code, clock };
    };

    it('frees a ticket whose holder neither claimed nor replied for the lapse, for any officer to take', async () => {
      const { store, code, clock } = await openWithClock();
      await store.claim(code, 'Lan');
      clock.pass(lapseMs - 1_000);
      await expect(store.claim(code, 'Bình')).rejects.toMatchObject({ code: 'TICKET_HELD' });
      clock.pass(2_000);
      expect((await store.get(code))?.claim).toBeNull();
      expect((await store.list('open'))[0]?.claim).toBeNull();
      expect(await store.claimOf(code)).toBeNull();
      expect((await store.claim(code, 'Bình')).claim).toMatchObject({ officer: 'Bình' });
      await expect(store.addReply(code, { officer: 'Lan', text: 'x' })).rejects.toMatchObject({ code: 'TICKET_HELD', details: { holder: 'Bình' } });
    });

    it('keeps the hold while its holder replies, counting from the last reply', async () => {
      const { store, code, clock } = await openWithClock();
      await store.claim(code, 'Lan');
      clock.pass(lapseMs - 60_000);
      await store.addReply(code, { officer: 'lan', text: 'Tôi đang kiểm tra' });
      clock.pass(lapseMs - 60_000);
      expect(await store.claimOf(code)).toMatchObject({ officer: 'Lan' });
      await expect(store.claim(code, 'Bình')).rejects.toMatchObject({ code: 'TICKET_HELD' });
    });
  });

  it('ends the hold when the ticket is handed back, and says why it was closed', async () => {
    const { store, code } = await open();
    await store.claim(code, 'Lan');
    const handed = await store.handBack(code, 'Lan');
    expect(handed).toMatchObject({ status: 'closed', closedReason: 'handed_back', closedBy: 'Lan', claim: null });
    expect(await store.claimOf(code)).toBeNull();
    expect(await store.openFor('c1')).toBeUndefined();
  });

  it('tells its listeners every change once kept, with the lines a message added (masked)', async () => {
    const store = await openTickets();
    const seen: string[] = [];
    const unsubscribe = store.onChange((change) => seen.push(`${change.kind}:${change.lines?.map((l) => l.text).join('|') ?? ''}`));
    const { code } = await store.create({ conversationId: 'c2', channelId: 'directline', transcript: [] });
    await store.appendLines(code, [{ from: 'citizen', text: 'sđt 0905123456', at }]);
    await store.claim(code, 'Lan');
    await store.addReply(code, { officer: 'Lan', text: 'Chào bạn' });
    await store.release(code, 'Lan');
    await store.close(code, null);
    unsubscribe();
    await store.create({ conversationId: 'c3', channelId: 'directline', transcript: [] });
    expect(seen).toEqual(['created:', 'message:sđt [số]', 'claimed:', 'reply:', 'released:', 'closed:']);
  });
});
