import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { projectRecognizer } from '../helpers/recognizer.js';
import { botHarness } from '../helpers/bot-harness.js';

/** The project's knowledge, able to fail on demand, as a broken dialog would. */
class FailingKnowledge extends KnowledgeBase {
  failing = false;
  override get(id: string) {
    if (this.failing) throw new Error('knowledge unavailable');
    return super.get(id);
  }
}

describe('a dialog that fails mid-turn', () => {
  it('apologises, and the guide and the procedure in play are gone afterwards', async () => {
    const knowledge = new FailingKnowledge([...projectRecognizer().data.knowledge.procedures]);
    const { say, composer } = botHarness({ knowledge });
    await say('hướng dẫn tôi đăng ký khai sinh');
    const [first] = await say('1');
    expect(first?.text).toContain('Bạn đã có Tờ khai đăng ký khai sinh chưa?');

    knowledge.failing = true;
    const [apology] = await say('có rồi');
    expect(apology?.text).toBe(composer.say('turnError'));
    expect(apology?.channelData).toEqual({ intent: 'none', procedure: null });
    knowledge.failing = false;

    const [after] = await say('có rồi');
    expect(after?.channelData).toEqual({ intent: 'none', procedure: null });
    const [followUp] = await say('lệ phí bao nhiêu?');
    expect(followUp?.channelData).toEqual({ intent: 'procedure.fee', procedure: null });
  });
});
