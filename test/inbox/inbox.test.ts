import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Inbox, isMisunderstood } from '../../src/inbox/inbox.js';
import { FileInboxStore, INBOX_LOG } from '../../src/store/file/file-inbox-store.js';
import { silentLogger } from '../../src/log/logger.js';
import type { ParseResult } from '../../src/nlu/recognizer.js';

describe('the inbox', () => {
  const parse = (text: string, intent: ParseResult['intent'], confidence: number): ParseResult => ({
    text, intent, confidence, procedure: null, entities: {}, intents: [{ intent, confidence }], procedures: [], ambiguous: null, tokens: [],
  });

  it.each<[string, ParseResult, boolean]>([
    ['a question it answered none', parse('giá vàng', 'none', 0.99), true],
    ['a question it understood with low confidence', parse('xin giấy phép làm nhà', 'procedure.steps', 0.4), true],
    ['a question it understood', parse('lệ phí cccd', 'procedure.fee', 0.95), false],
    ['a question a staff FAQ answered', { ...parse('giờ làm việc', 'none', 0.9), faq: { intent: 'faq.gio', confidence: 0.9 } } as ParseResult, false],
  ])('decides whether to keep %s', (_name, p, kept) => {
    expect(isMisunderstood(p)).toBe(kept);
  });

  it('keeps what it records, masked, and reads it back after a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dvc-inbox-'));
    try {
      const store = await FileInboxStore.open(dir, silentLogger);
      const inbox = new Inbox(store, silentLogger);
      inbox.record(parse('hồ sơ 000.00.16.H17-261105-0007 của tôi, sđt 0912345678, giá vàng', 'none', 0.9), 'c1');
      inbox.record(parse('lệ phí cccd', 'procedure.fee', 0.95), 'c1');
      await inbox.close();
      await store.close();
      const file = readFileSync(path.join(dir, INBOX_LOG), 'utf8');
      expect(file).not.toMatch(/0912345678|261105/);
      const again = new Inbox(await FileInboxStore.open(dir, silentLogger), silentLogger);
      const [only, ...rest] = await again.list();
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ text: 'hồ sơ [mã hồ sơ] của tôi, sđt [số], giá vàng', conversationId: 'c1', count: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
