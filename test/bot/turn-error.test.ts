import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadReplies } from '../../src/answers/replies.js';
import { AnswerComposer } from '../../src/answers/compose.js';
import { Responder } from '../../src/answers/responder.js';
import { loadCommands } from '../../src/nlu/commands.js';
import { DvcBot } from '../../src/bot/dvc-bot.js';
import { turnErrorHandler } from '../../src/bot/adapter.js';
import { projectRecognizer } from '../helpers/recognizer.js';

/** The project's knowledge, able to fail on demand, as a broken dialog would. */
class FailingKnowledge extends KnowledgeBase {
  failing = false;
  override get(id: string) {
    if (this.failing) throw new Error('knowledge unavailable');
    return super.get(id);
  }
}

describe('a dialog that fails mid-turn', () => {
  const config = loadConfig({});
  const { data, recognizer } = projectRecognizer();
  const replies = loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml'));
  const composer = new AnswerComposer(data.knowledge, replies);
  const knowledge = new FailingKnowledge([...data.knowledge.procedures]);
  const conversationState = new ConversationState(new MemoryStorage());
  const bot = new DvcBot({
    recognizer: () => recognizer, responder: new Responder(data.knowledge, composer), composer, replies, knowledge,
    commands: loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), data.lexicon), conversationState,
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(silentLogger, composer, conversationState);

  async function say(text: string): Promise<Partial<Activity>[]> {
    await adapter.send(text);
    return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  }

  it('apologises, and the guide and the procedure in play are gone afterwards', async () => {
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
