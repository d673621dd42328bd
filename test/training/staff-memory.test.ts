import { StaffMemory } from '../../src/training/staff-memory.js';

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
