import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { FileTicketStore, TICKETS_DIR } from '../../src/store/file/file-ticket-store.js';
import { fileHarness } from './contract/harness.js';
import { describeTicketStore } from './contract/ticket-store.contract.js';

describeTicketStore('FileTicketStore', fileHarness('tickets', (dir) => FileTicketStore.open(dir, silentLogger)));

describe('FileTicketStore', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-tickets-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each ticket in its own file, and moves a corrupt one aside without losing the others', async () => {
    const store = await FileTicketStore.open(dir, silentLogger);
    const now = '2026-11-22T10:00:00.000Z';
    await store.insert({ code: 'HT-234567', status: 'open', createdAt: now, updatedAt: now, conversationId: 'c1', channelId: 'directline', transcript: [], replies: [] });
    const ticketsDir = path.join(dir, TICKETS_DIR);
    expect(readdirSync(ticketsDir)).toEqual(['HT-234567.json']);
    mkdirSync(ticketsDir, { recursive: true });
    writeFileSync(path.join(ticketsDir, 'HT-AAAAAA.json'), '{"version": 1, "ticket": "nope"}');
    const reopened = await FileTicketStore.open(dir, silentLogger);
    expect((await reopened.list()).map((t) => t.code)).toEqual(['HT-234567']);
    expect(readdirSync(ticketsDir).some((f) => f.startsWith('HT-AAAAAA.json.corrupt-'))).toBe(true);
  });
});
