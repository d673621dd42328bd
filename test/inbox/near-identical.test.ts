import { groupNearIdentical } from '../../src/inbox/near-identical.js';

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
