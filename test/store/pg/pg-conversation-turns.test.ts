import { PgConversationTurns } from '../../../src/store/pg/pg-conversation-turns.js';
import { PgStateStorage } from '../../../src/store/pg/pg-state-storage.js';
import { PgActivityLog } from '../../../src/store/pg/pg-activity-log.js';
import type { PgDatabase } from '../../../src/store/pg/pg-database.js';
import { PgTicketStore } from '../../../src/store/pg/pg-ticket-store.js';
import type { Ticket } from '../../../src/store/ticket-store.js';
import type { StateStorage } from '../../../src/store/state-storage.js';
import { adminQuery, describePg } from '../../helpers/pg.js';
import { withPair } from '../contract/pg-harness.js';

// Two processes on one database, each with its own connections (PgDatabase), as two
// `npm start` would have.

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describePg('PgConversationTurns across processes', () => {
  it('runs the turns of one conversation one at a time, in the order they came, whichever process takes them', async () => {
    await withPair(async (db) => new PgConversationTurns(db), async (pair) => {
      const events: string[] = [];
      let running = 0;
      let most = 0;
      const turn = (name: string) => async () => {
        running += 1;
        most = Math.max(most, running);
        events.push(name);
        await tick(15);
        running -= 1;
      };
      // Warm connections, as a running server has: the order is the order the turns reach PostgreSQL.
      await Promise.all([pair.a.run('warm-a', async () => undefined), pair.b.run('warm-b', async () => undefined)]);
      const turns: Array<Promise<void>> = [];
      for (let i = 0; i < 10; i++) {
        turns.push((i % 2 ? pair.b : pair.a).run('conversation-1', turn(String(i))));
        await tick(8);
      }
      await Promise.all(turns);
      expect(most).toBe(1);
      expect(events).toEqual(Array.from({ length: 10 }, (_, i) => String(i)));
    });
  });

  it('lets the next turn go on at once when the process holding the lock loses its connection (as when it is killed)', async () => {
    await withPair(async (db) => new PgConversationTurns(db), async (pair) => {
      let releaseA: () => void = () => undefined;
      const aStarted = new Promise<void>((started) => {
        void pair.a.run('c', () => new Promise<void>((resolve) => { releaseA = resolve; started(); })).catch(() => undefined);
      });
      await aStarted;
      let bRan = false;
      const b = pair.b.run('c', async () => { bRan = true; });
      await tick(100);
      expect(bRan).toBe(false);
      const { rows } = await adminQuery(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      expect(rows).toHaveLength(1);
      await adminQuery(`SELECT pg_terminate_backend(${Number(rows[0].pid)})`);
      await b;
      expect(bRan).toBe(true);
      releaseA();
    });
  });

  // botbuilder's ConversationState reads the state at the start of a turn and saves it whole
  // at the end with eTag '*': only the turn lock keeps two processes' turns from losing one
  // another's changes.
  const saveLikeBotbuilder = async (state: StateStorage, between: () => Promise<void> = async () => undefined): Promise<void> => {
    const { c } = await state.read(['c']);
    await between();
    await state.write({ c: { turns: Number(c?.turns ?? 0) + 1, eTag: '*' } });
  };

  it('keeps every state change of turns raced by two processes, though each saves with eTag "*"', async () => {
    await withPair(async (db) => ({ turns: new PgConversationTurns(db), state: new PgStateStorage(db) }), async (pair) => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => {
        const p = i % 2 ? pair.b : pair.a;
        return p.turns.run('c', () => saveLikeBotbuilder(p.state, async () => { await tick(1); }));
      }));
      expect((await pair.a.state.read(['c'])).c?.turns).toBe(40);
    });
  });

  it('reads the state a turn names with its lock, as fresh as the last turn of the other process left it, and asks nothing more', async () => {
    await withPair(async (db) => ({ turns: new PgConversationTurns(db), state: new PgStateStorage(db), asked: countQueries(db, 'query', 'FROM bot_state') }), async (pair) => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => {
        const p = i % 2 ? pair.b : pair.a;
        return p.turns.run('c', () => saveLikeBotbuilder(p.state, async () => { await tick(1); }), { stateKeys: ['c'] });
      }));
      expect(pair.a.asked() + pair.b.asked()).toBe(0);
      expect((await pair.a.state.read(['c'])).c?.turns).toBe(40);
      expect(pair.a.asked()).toBe(1); // outside a turn: a read of its own
    });
  });

  it('reads a state key again once the turn wrote it, and forgets what a turn did not read when it ends', async () => {
    await withPair(async (db) => ({ turns: new PgConversationTurns(db), state: new PgStateStorage(db), asked: countQueries(db, 'query', 'FROM bot_state') }), async (pair) => {
      await pair.a.turns.run('c', async () => {
        await pair.a.state.write({ c: { n: 1, eTag: '*' } });
        expect((await pair.a.state.read(['c'])).c?.n).toBe(1);
      }, { stateKeys: ['c'] });
      expect(pair.a.asked()).toBe(1);
      await pair.b.turns.run('c', async () => undefined, { stateKeys: ['c'] });
      await pair.a.state.write({ c: { n: 2, eTag: '*' } });
      expect((await pair.b.state.read(['c'])).c?.n).toBe(2);
      expect(pair.b.asked()).toBe(1);
    });
  });

  it('numbers the activities of turns taken by either process in order, each number once, with the numbers reserved along with the lock', async () => {
    await withPair(async (db) => ({ turns: new PgConversationTurns(db), log: await PgActivityLog.open(db), reserves: countQueries(db, 'queryUnflushed', 'next_seq = next_seq +') }), async (pair) => {
      const { id } = await pair.a.log.create({ id: 'citizen' });
      const ids: string[] = [];
      const texts: string[] = [];
      await Promise.all(Array.from({ length: 12 }, (_, i) => {
        const p = i % 2 ? pair.b : pair.a;
        return p.turns.run(id, async () => {
          for (let k = 0; k < 3; k++) {
            texts.push(`${i}.${k}`);
            ids.push((await p.log.record(id, { type: 'message', text: `${i}.${k}` })).id);
          }
          await p.log.flush(id);
        });
      }));
      expect(new Set(ids).size).toBe(36);
      expect([...ids].sort()).toEqual(ids);
      expect(pair.a.reserves() + pair.b.reserves()).toBe(0);
      const { activities } = await pair.b.log.since(id, 0);
      expect(activities.map((a) => a.id)).toEqual(ids);
      expect(activities.map((a) => a.text)).toEqual(texts);
    });
  });

  it("reads the conversation's open ticket with the lock, as the other process last left it, and again once a ticket changed", async () => {
    await withPair(async (db) => ({ turns: new PgConversationTurns(db), tickets: new PgTicketStore(db), asked: countQueries(db, 'query', "status = 'open'") }), async (pair) => {
      const ticket = (code: string, status: Ticket['status']): Ticket => ({
        code, status, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), conversationId: 'c', channelId: 'directline', transcript: [], replies: [],
      });
      await pair.a.turns.run('c', async () => {
        expect(await pair.a.tickets.openCodeFor('c')).toBeUndefined();
        await pair.a.tickets.insert(ticket('T-1', 'open'));
        expect(await pair.a.tickets.openCodeFor('c')).toBe('T-1');
      });
      expect(pair.a.asked()).toBe(1);
      await pair.b.turns.run('c', async () => {
        expect(await pair.b.tickets.openCodeFor('c')).toBe('T-1');
      });
      await pair.a.tickets.update('T-1', (t) => { t.status = 'closed'; });
      await pair.b.turns.run('c', async () => {
        expect(await pair.b.tickets.openCodeFor('c')).toBeUndefined();
      });
      expect(pair.b.asked()).toBe(0);
    });
  });

  it('would lose a change without the turn lock: two turns that read before either saved', async () => {
    await withPair(async (db) => new PgStateStorage(db), async (pair) => {
      let bothRead: () => void = () => undefined;
      let reads = 0;
      const barrier = new Promise<void>((resolve) => { bothRead = resolve; });
      const between = async (): Promise<void> => {
        if (++reads === 2) bothRead();
        await barrier;
      };
      await Promise.all([saveLikeBotbuilder(pair.a, between), saveLikeBotbuilder(pair.b, between)]);
      expect((await pair.a.read(['c'])).c?.turns).toBe(1);
    });
  });

  it('refuses a turn with CONVERSATION_BUSY when the turns before it take longer than the wait allows', async () => {
    await withPair(async (db) => new PgConversationTurns(db), async (pair) => {
      const slow = pair.a.run('c', () => tick(1000));
      await tick(50);
      await expect(pair.b.run('c', async () => 'never')).rejects.toMatchObject({ code: 'CONVERSATION_BUSY', status: 503 });
      await slow;
      await expect(pair.b.run('c', async () => 'now')).resolves.toBe('now');
    }, { lockTimeoutMs: 200 });
  });
});

/** Counts the statements holding `part` that the stores send through `method` of the database. */
function countQueries(db: PgDatabase, method: 'query' | 'queryUnflushed', part: string): () => number {
  let sent = 0;
  const send = db[method].bind(db);
  db[method] = ((text: string, values?: unknown[]) => {
    if (text.includes(part)) sent += 1;
    return send(text, values);
  }) as PgDatabase['query'];
  return () => sent;
}
