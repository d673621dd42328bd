import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, TurnContext } from 'botbuilder';
import { openTicketCode } from '../../src/bot/open-ticket.js';
import { Tickets } from '../../src/helpdesk/tickets.js';
import { FileTicketStore } from '../../src/store/file/file-ticket-store.js';
import type { TicketStore } from '../../src/store/ticket-store.js';
import { silentLogger } from '../../src/log/logger.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-open-ticket-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real file store, counting how often it is asked for a conversation's open ticket. */
async function countingTickets(): Promise<{ tickets: Tickets; asked: () => number }> {
  const store: TicketStore = await FileTicketStore.open(dir, silentLogger);
  let asked = 0;
  const openCodeFor = store.openCodeFor.bind(store);
  store.openCodeFor = (id) => { asked += 1; return openCodeFor(id); };
  return { tickets: new Tickets(store), asked: () => asked };
}

const turn = (conversationId: string): TurnContext => new TurnContext(new TestAdapter(), {
  type: 'message', text: 'gặp cán bộ', channelId: 'test', conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'citizen', name: '' }, recipient: { id: 'bot', name: '' },
});

describe("a turn's open ticket", () => {
  it('is asked of the store once however often the turn needs it', async () => {
    const { tickets, asked } = await countingTickets();
    const { code } = await tickets.create({ conversationId: 'c1', channelId: 'test', transcript: [] });
    const context = turn('c1');
    expect(await openTicketCode(context, tickets)).toBe(code);
    expect(await openTicketCode(context, tickets)).toBe(code);
    expect(asked()).toBe(1);
  });

  it('is asked again in the next turn, which may find it closed by then', async () => {
    const { tickets, asked } = await countingTickets();
    const { code } = await tickets.create({ conversationId: 'c1', channelId: 'test', transcript: [] });
    expect(await openTicketCode(turn('c1'), tickets)).toBe(code);
    await tickets.close(code, 'officer');
    expect(await openTicketCode(turn('c1'), tickets)).toBeUndefined();
    expect(asked()).toBe(2);
  });

  it('is found once the turn itself opened it, after none was open at its start', async () => {
    const { tickets } = await countingTickets();
    const context = turn('c2');
    expect(await openTicketCode(context, tickets)).toBeUndefined();
    const { code } = await tickets.create({ conversationId: 'c2', channelId: 'test', transcript: [] });
    expect(await openTicketCode(context, tickets)).toBe(code);
  });
});
