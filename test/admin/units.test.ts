import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareEvaluations, WORSE_BY } from '../../src/admin/compare.js';
import { score } from '../../src/admin/evaluate.js';
import { Inbox, INBOX_FILE, isMisunderstood } from '../../src/admin/inbox.js';
import { groupNearIdentical } from '../../src/admin/near-identical.js';
import { StaffMemory } from '../../src/admin/staff-memory.js';
import { StatusTracker } from '../../src/admin/train-status.js';
import { slug } from '../../src/admin/training-data.js';
import { silentLogger } from '../../src/log/logger.js';
import type { ParseResult } from '../../src/nlu/recognizer.js';

const words = (text: string): string[] => text.split(' ');

describe('the staff memory', () => {
  const memory = StaffMemory.build(
    [{ id: 's1', intent: 'faq.gio', procedure: null, folded: words('ubnd xa lam viec may gio') }],
    ['ubnd xa lam viec may gio', 'lam cccd mat bao lau', 'lam cccd o dau', 'le phi lam cccd bao nhieu', 'xin chao'].map(words),
  );

  it.each([
    ['the same question', 'ubnd xa lam viec may gio', 0.99, 1.01],
    ['the same words in another order', 'may gio ubnd xa lam viec', 0.8, 0.99],
    ['a question sharing only a common word', 'lam cccd o dau', 0, 0.3],
  ])('scores %s', (_name, question, low, high) => {
    const hit = memory.nearest(words(question));
    expect(hit?.score).toBeGreaterThanOrEqual(low);
    expect(hit?.score).toBeLessThanOrEqual(high);
  });

  it('survives a JSON round trip unchanged', () => {
    const again = StaffMemory.fromJSON(JSON.parse(JSON.stringify(memory.toJSON())));
    expect(again.nearest(words('may gio ubnd xa lam viec'))).toEqual(memory.nearest(words('may gio ubnd xa lam viec')));
  });
});

describe('grouping near-identical questions', () => {
  it('groups spellings of one question and keeps different questions apart, in order', () => {
    const groups = groupNearIdentical([
      { text: 'Làm CCCD ở đâu??' }, { text: 'lam cccd o dau' }, { text: 'làm cccd ở đâu vậy' }, { text: 'làm hộ chiếu ở đâu' }, { text: 'lam cccd o dau' },
    ]);
    expect(groups.map((g) => g.map((i) => i.text))).toEqual([
      ['Làm CCCD ở đâu??', 'lam cccd o dau', 'làm cccd ở đâu vậy', 'lam cccd o dau'],
      ['làm hộ chiếu ở đâu'],
    ]);
  });
});

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

  it('writes what it records to DATA_DIR, masked, and reads it back after a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dvc-inbox-'));
    try {
      const inbox = await Inbox.open(dir, silentLogger);
      inbox.record(parse('hồ sơ 000.00.16.H17-261105-0007 của tôi, sđt 0912345678, giá vàng', 'none', 0.9), 'c1');
      inbox.record(parse('lệ phí cccd', 'procedure.fee', 0.95), 'c1');
      await inbox.close();
      const file = readFileSync(path.join(dir, INBOX_FILE), 'utf8');
      expect(file).not.toMatch(/0912345678|261105/);
      const again = await Inbox.open(dir, silentLogger);
      const [only, ...rest] = await again.list();
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ text: 'hồ sơ [mã hồ sơ] của tôi, sđt [số], giá vàng', conversationId: 'c1', count: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the worse-model rule', () => {
  const report = (correct: number, procedure = 0.9): ReturnType<typeof score> & { folds: number; ms: number } => ({
    ...score(Array.from({ length: 100 }, (_, i) => ({ text: `q${i}`, gold: 'procedure.fee', predicted: i < correct ? 'procedure.fee' : 'none', goldProcedure: null, procedure: null }))),
    procedureAccuracy: procedure,
    folds: 5,
    ms: 1,
  });

  it.each([
    ['a drop of 1 point', 89, 0.9, false],
    ['a drop of exactly the limit', 90 - WORSE_BY * 100, 0.9, false],
    ['a drop of 3 points in intent accuracy', 87, 0.9, true],
    ['a drop of 3 points in procedure accuracy', 90, 0.87, true],
    ['a gain', 95, 0.95, false],
  ])('judges %s', (_name, correct, procedure, worse) => {
    const comparison = compareEvaluations(report(correct, procedure), report(90));
    expect(comparison.worse).toBe(worse);
    expect(comparison.reasons.length > 0).toBe(worse);
  });

  it('computes precision, recall and F1 per intent from the confusion matrix', () => {
    const s = score([
      { text: 'a', gold: 'greeting', predicted: 'greeting', goldProcedure: null, procedure: null },
      { text: 'b', gold: 'greeting', predicted: 'none', goldProcedure: null, procedure: null },
      { text: 'c', gold: 'none', predicted: 'none', goldProcedure: null, procedure: null },
    ]);
    expect(s.labels).toEqual(['greeting', 'none']);
    expect(s.matrix).toEqual([[1, 1], [0, 1]]);
    expect(s.perIntent.greeting).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(s.perIntent.none).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(s.intentAccuracy).toBeCloseTo(2 / 3);
  });
});

describe('training progress', () => {
  it('moves from 0 to 1 across the evaluation of the previous model and the new one', () => {
    const tracker = new StatusTracker();
    tracker.start('train', 'new', [
      { kind: 'evaluate', id: 'old', modelFile: 'a', evalFile: 'b' },
      { kind: 'train', id: 'new', set: { utterances: [], aliases: [] }, modelFile: 'c', evalFile: 'd' },
    ]);
    const seen: number[] = [];
    const at = (id: string, phase: 'training' | 'evaluating', done: number, total: number): void => {
      tracker.progress(id, phase, done, total);
      seen.push(tracker.status.job?.progress ?? -1);
    };
    at('old', 'evaluating', 2, 5);
    expect(tracker.status.job?.phase).toBe('evaluating-previous');
    at('old', 'evaluating', 5, 5);
    at('new', 'training', 1, 1);
    at('new', 'evaluating', 5, 5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    tracker.finish({ ok: true, at: 'now', modelId: 'new', promoted: true, message: 'promoted' });
    expect(tracker.status).toMatchObject({ state: 'idle', job: null, last: { promoted: true } });
  });
});

it.each([['Giờ làm việc', 'gio-lam-viec'], ['Đăng ký ô tô (xe con)!', 'dang-ky-o-to-xe-con'], ['???', 'cau-hoi']])('names a staff intent "%s" faq.%s', (title, expected) => {
  expect(slug(title)).toBe(expected);
});
