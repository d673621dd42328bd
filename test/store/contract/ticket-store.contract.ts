import type { Ticket, TicketStore } from '../../../src/store/ticket-store.js';
import { withStore, type OpenStore, type StoreHarness } from './harness.js';

const ticket = (code: string, more: Partial<Ticket> = {}): Ticket => ({
  code,
  status: 'open',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  conversationId: `conversation-${code}`,
  channelId: 'directline',
  transcript: [{ from: 'citizen', text: 'cho tôi gặp cán bộ', at: '2026-11-22T09:59:00.000Z' }],
  replies: [],
  ...more,
});

/** What every TicketStore does; run by each implementation's test file. */
export function describeTicketStore(name: string, open: OpenStore<TicketStore>): void {
  const run = (test: (h: StoreHarness<TicketStore>) => Promise<void>) => () => withStore(open, test);

  describe(`${name} (TicketStore contract)`, () => {
    it('keeps a ticket whole and answers copies, also after a restart', run(async (h) => {
      const t = ticket('HT-AAAAAA', {
        serviceUrl: 'http://127.0.0.1:5005',
        transcript: [
          { from: 'citizen', text: 'lệ phí cccd', at: '2026-11-22T09:58:00.000Z' },
          { from: 'bot', text: 'Lệ phí: miễn phí', at: '2026-11-22T09:58:01.000Z', intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' },
        ],
        claim: { officer: 'Nguyễn Thị Lan', at: '2026-11-22T10:01:00.000Z' },
        heldNoticeAt: '2026-11-22T10:04:00.000Z',
        replies: [{ id: 'r1', at: '2026-11-22T10:05:00.000Z', officer: 'Lan', text: 'Chào bạn', delivered: true }],
      });
      expect(await h.store.insert(t)).toBe(true);
      const copy = await h.store.get('HT-AAAAAA');
      expect(copy).toEqual(t);
      copy!.transcript.push({ from: 'bot', text: 'changed outside', at: t.createdAt });
      expect(await h.store.get('HT-AAAAAA')).toEqual(t);
      const store = await h.reopen();
      expect(await store.get('HT-AAAAAA')).toEqual(t);
      expect(await store.get('HT-BBBBBB')).toBeUndefined();
    }));

    it('refuses a second ticket with a code already taken, keeping the first', run(async ({ store }) => {
      await store.insert(ticket('HT-AAAAAA'));
      expect(await store.insert(ticket('HT-AAAAAA', { conversationId: 'other' }))).toBe(false);
      expect((await store.get('HT-AAAAAA'))?.conversationId).toBe('conversation-HT-AAAAAA');
    }));

    it('lists newest first, by status', run(async ({ store }) => {
      await store.insert(ticket('HT-AAAAAA', { createdAt: '2026-11-22T10:00:00.000Z' }));
      await store.insert(ticket('HT-BBBBBB', { createdAt: '2026-11-22T11:00:00.000Z', status: 'closed' }));
      await store.insert(ticket('HT-CCCCCC', { createdAt: '2026-11-22T12:00:00.000Z' }));
      expect((await store.list()).map((t) => t.code)).toEqual(['HT-CCCCCC', 'HT-BBBBBB', 'HT-AAAAAA']);
      expect((await store.list('open')).map((t) => t.code)).toEqual(['HT-CCCCCC', 'HT-AAAAAA']);
      expect((await store.list('closed')).map((t) => t.code)).toEqual(['HT-BBBBBB']);
    }));

    it('keeps why a ticket was closed', run(async ({ store }) => {
      await store.insert(ticket('HT-AAAAAA', { status: 'closed', closedAt: '2026-11-22T11:00:00.000Z', closedBy: null, closedReason: 'handed_back', claim: null }));
      expect(await store.get('HT-AAAAAA')).toMatchObject({ closedReason: 'handed_back', closedBy: null, claim: null });
    }));

    it('knows the open ticket of a conversation, after a restart too, and none once it is closed', run(async (h) => {
      await h.store.insert(ticket('HT-AAAAAA', { conversationId: 'c1' }));
      expect(await h.store.openCodeFor('c1')).toBe('HT-AAAAAA');
      expect(await h.store.openCodeFor('c2')).toBeUndefined();
      let store = await h.reopen();
      expect(await store.openCodeFor('c1')).toBe('HT-AAAAAA');
      await store.update('HT-AAAAAA', (t) => { t.status = 'closed'; });
      expect(await store.openCodeFor('c1')).toBeUndefined();
      store = await h.reopen();
      expect(await store.openCodeFor('c1')).toBeUndefined();
    }));

    it('keeps a change whole, or nothing of it when the change refuses', run(async (h) => {
      await h.store.insert(ticket('HT-AAAAAA'));
      const changed = await h.store.update('HT-AAAAAA', (t) => { t.transcript.push({ from: 'bot', text: 'Vâng', at: t.createdAt }); t.updatedAt = '2026-11-22T10:01:00.000Z'; });
      expect(changed.transcript).toHaveLength(2);
      await expect(h.store.update('HT-AAAAAA', (t) => { t.replies.push({ id: 'x', at: t.createdAt, officer: null, text: 'half', delivered: false }); throw new Error('refused'); })).rejects.toThrow('refused');
      const store = await h.reopen();
      expect(await store.get('HT-AAAAAA')).toEqual(changed);
    }));

    it('runs changes to one ticket one at a time, losing none', run(async ({ store }) => {
      await store.insert(ticket('HT-AAAAAA', { transcript: [] }));
      await Promise.all(Array.from({ length: 30 }, (_, i) => store.update('HT-AAAAAA', (t) => { t.transcript.push({ from: 'citizen', text: String(i), at: t.createdAt }); })));
      expect((await store.get('HT-AAAAAA'))?.transcript.map((l) => l.text)).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
    }));

    it('answers TICKET_NOT_FOUND for a change to a ticket that does not exist', run(async ({ store }) => {
      await expect(store.update('HT-ZZZZZZ', () => undefined)).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    }));
  });
}
