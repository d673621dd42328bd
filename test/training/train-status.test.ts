import { StatusTracker } from '../../src/training/train-status.js';

describe('training progress', () => {
  it('moves from 0 to 1 across the evaluation of the previous model and the new one', () => {
    const tracker = new StatusTracker();
    tracker.start('train', 'new', [
      { kind: 'evaluate', id: 'old' },
      { kind: 'train', id: 'new', set: { utterances: [], aliases: [] }, evaluate: true },
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
