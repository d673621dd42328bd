import path from 'node:path';
import { jest } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { loadCommands } from '../../src/nlu/commands.js';
import { botHarness } from '../helpers/bot-harness.js';
import { projectRecognizer } from '../helpers/recognizer.js';

describe('a turn\'s input', () => {
  it('is read by the typed-reply commands once per turn, however many dialogs look at it', async () => {
    const config = loadConfig({});
    const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), projectRecognizer().data.lexicon);
    const read = jest.spyOn(commands, 'read');
    const { say } = botHarness({ commands });
    await say('hướng dẫn tôi đăng ký khai sinh');
    // A case typed by words, a typed yes, a question about the document, a typed no: each is
    // read as a command, as a command said of something, or as a choice.
    for (const [text, expected] of [['trường hợp đúng hạn', 'Giấy tờ 1/'], ['co roi', 'Giấy tờ 2/'], ['Giấy chứng sinh là gì?', 'bệnh viện'], ['chưa có', 'Giấy tờ 3/']]) {
      read.mockClear();
      const replies = await say(text!);
      expect(read).toHaveBeenCalledTimes(1);
      expect(replies.map((r) => r.text).join('\n')).toContain(expected);
    }
  });
});
