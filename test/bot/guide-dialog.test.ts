import { MemoryStorage } from 'botbuilder';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { projectRecognizer } from '../helpers/recognizer.js';
import { botHarness } from '../helpers/bot-harness.js';

const press = (title: string, value: object) => ({ type: 'message', text: title, value });

describe('the guide dialog', () => {
  it('takes a button from an older question as a wish to see the current question again', async () => {
    const { say } = botHarness();
    await say('hướng dẫn tôi đăng ký khai sinh');
    const [first] = await say('1');
    const yes = first?.suggestedActions?.actions.find((a) => a.title === 'Có rồi');
    expect(yes?.value).toEqual({ action: 'yes', step: 'dang-ky-khai-sinh/dung-han/0' });
    await say(press('Có rồi', yes?.value as object));
    const [again] = await say(press('Có rồi', yes?.value as object));
    expect(again?.text).toContain('Bạn đã có Giấy chứng sinh chưa?');
    expect(again?.text).not.toContain('Tốt, bạn đã có');
  });

  it.each([
    ['Giấy chứng sinh là gì?', 'bệnh viện'],
    ['giay chung sinh lay o dau', 'bệnh viện'],
    ['giấy chứng sinh có rồi', 'Bạn đã có Giấy tờ tùy thân của người đi đăng ký chưa?'],
  ])('understands "%s" said of the document asked about', async (text, expected) => {
    const { say } = botHarness();
    await say('hướng dẫn tôi đăng ký khai sinh');
    await say('1');
    await say('có');
    const [reply] = await say(text);
    expect(reply?.channelData).toEqual({ intent: 'procedure.steps', procedure: 'dang-ky-khai-sinh', case: 'dung-han' });
    expect(reply?.text).toContain(expected);
  });

  it('explains a document when asked for a guide into it and no procedure makes it', async () => {
    const { say } = botHarness();
    await say('hướng dẫn tôi đăng ký khai sinh');
    await say('1');
    await say('có');
    const [reply] = await say('hướng dẫn làm giấy này');
    expect(reply?.channelData).toEqual({ intent: 'procedure.steps', procedure: 'dang-ky-khai-sinh', case: 'dung-han' });
    expect(reply?.text).toContain('bệnh viện');
  });

  it('ends a stored guide whose procedure left the knowledge base, and answers normally', async () => {
    const storage = new MemoryStorage();
    const before = botHarness({ storage });
    await before.say('hướng dẫn tôi đăng ký khai sinh');
    await before.say('1');

    const without = new KnowledgeBase(projectRecognizer().data.knowledge.procedures.filter((p) => p.id !== 'dang-ky-khai-sinh'));
    const after = botHarness({ storage, knowledge: without });
    const [reply] = await after.say('có rồi');
    expect(reply?.channelData).toEqual({ intent: 'none', procedure: null });
    expect(reply?.suggestedActions?.actions.map((a) => a.title) ?? []).not.toContain('Tiếp tục hướng dẫn');
  });

  it('says so when the resume button is pressed with no guide under way', async () => {
    const { say, composer } = botHarness();
    const [reply] = await say(press('Tiếp tục hướng dẫn', { action: 'resume' }));
    expect(reply?.text).toBe(composer.say('resumeNothing'));
  });
});
