import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { DownVote } from '../../src/bot/feedback-handler.js';
import { Inbox, VOTE_REASON_WAIT_MS } from '../../src/inbox/inbox.js';
import { silentLogger } from '../../src/log/logger.js';
import { FileInboxStore } from '../../src/store/file/file-inbox-store.js';

// A citizen's thumbs down in the inbox: it waits a little for the optional reason, is written
// once however often the citizen votes on that answer, and not at all when they take it back
// before it was written.

const vote = (key: string, more: Partial<DownVote> = {}): DownVote => ({
  key, conversationId: 'c1', at: '2026-11-22T03:00:00.000Z', question: 'lệ phí làm căn cước', answer: 'Lệ phí: **miễn phí**',
  intent: 'procedure.fee', procedure: 'cap-the-can-cuoc', ...more,
});

describe('thumbs down in the inbox', () => {
  let dir: string;
  let store: FileInboxStore;
  let inbox: Inbox;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvc-down-votes-'));
    store = await FileInboxStore.open(dir, silentLogger);
    inbox = new Inbox(store, silentLogger);
  });
  afterEach(async () => {
    jest.useRealTimers();
    await inbox.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the reason given after the vote into the same row, and writes it once', async () => {
    inbox.recordDownVote(vote('c1|a1'));
    inbox.recordDownVote(vote('c1|a1', { reason: 'wrong-info' }));
    const rows = await inbox.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'lệ phí làm căn cước', intent: 'procedure.fee', feedback: { answer: 'Lệ phí: **miễn phí**', procedure: 'cap-the-can-cuoc', reason: 'wrong-info' } });
    // Written: another vote on the same answer is not a second question.
    inbox.recordDownVote(vote('c1|a1', { reason: 'other' }));
    expect(await inbox.list()).toHaveLength(1);
    expect((await store.list('all')).length).toBe(1);
  });

  it('writes a vote on its own once the wait for its reason is over', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    inbox.recordDownVote(vote('c1|a2'));
    expect(await store.list('all')).toEqual([]);
    jest.advanceTimersByTime(VOTE_REASON_WAIT_MS + 1);
    jest.useRealTimers();
    for (let i = 0; i < 50 && !(await store.list('all')).length; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await store.list('all')).map((i) => i.feedback?.procedure)).toEqual(['cap-the-can-cuoc']);
  });

  it('forgets a vote taken back before it was written', async () => {
    inbox.recordDownVote(vote('c1|a3'));
    inbox.withdrawDownVote('c1|a3');
    expect(await inbox.list()).toEqual([]);
  });
});
