import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { Commands, loadCommands } from '../../src/nlu/commands.js';
import { loadLexicon } from '../../src/nlu/vi/lexicon.js';

const config = loadConfig({});
const commands = loadCommands(path.join(config.INTENTS_DIR, 'commands', 'vi.yaml'), loadLexicon(path.join(config.INTENTS_DIR, 'lexicon', 'abbreviations.yaml')));

describe('typed short replies and commands', () => {
  it.each([
    ['có', 'yes'], ['Có rồi', 'yes'], ['co roi', 'yes'], ['có rồi ạ', 'yes'], ['dạ có', 'yes'], ['vâng', 'yes'], ['dạ', 'yes'], ['Dạ vâng', 'yes'], ['co r', 'yes'], ['OK', 'yes'],
    ['chưa', 'no'], ['chua co', 'no'], ['Chưa có ạ', 'no'], ['ko', 'no'], ['k có', 'no'], ['không', 'no'], ['dạ chưa có', 'no'], ['chưa nha', 'no'],
    ['giấy này là gì', 'explain'], ['giay nay la gi?', 'explain'], ['Giấy này là gì ạ', 'explain'], ['lấy ở đâu', 'explain'],
    ['hướng dẫn làm giấy này', 'link'],
    ['bắt đầu lại', 'reset'], ['/reset', 'reset'], ['lam lai tu dau', 'reset'], ['Làm lại từ đầu!', 'reset'],
    ['tiếp tục', 'resume'], ['tiep tuc huong dan', 'resume'], ['Tiếp tục hướng dẫn', 'resume'],
  ])('reads "%s" as %s', (text, name) => {
    expect(commands.command(text)).toBe(name);
  });

  it.each([
    'có làm online được không', 'chưa có giấy khai sinh thì làm sao', 'lệ phí bao nhiêu', 'có cần mang bản chính không',
    'hướng dẫn tôi đăng ký khai sinh', 'chào bạn',
  ])('takes "%s" for a question, not a short reply', (text) => {
    expect(commands.command(text)).toBeNull();
  });

  it.each([
    ['Giấy chứng sinh là gì?', 'explain', ['giay', 'chung', 'sinh']],
    ['giấy chứng sinh có rồi ạ', 'yes', ['giay', 'chung', 'sinh']],
  ])('finds the command at the end of "%s" and what it is said of', (text, command, subject) => {
    expect(commands.commandAbout(text)).toEqual({ command, subject });
  });

  it('refuses a phrase filed under two commands, since the meaning would depend on the order', () => {
    const lexicon = { plain: new Map(), accented: new Map(), phrases: [] };
    expect(() => new Commands({
      version: 1, ignore: [], choiceWords: [], questionWords: [], ordinals: [],
      commands: { reset: ['làm lại'], resume: ['tiếp tục'], yes: ['có'], no: ['lam lai'], explain: ['là gì'], link: ['làm giấy này'] },
    }, lexicon)).toThrow(/under both reset and no/);
  });
});

describe('choosing among options by number or by words', () => {
  const cases = [
    { id: 'dung-han', texts: ['Khai sinh đúng hạn', 'Trẻ được đăng ký khai sinh trong 60 ngày kể từ ngày sinh'] },
    { id: 'qua-han', texts: ['Khai sinh quá hạn', 'Đã quá 60 ngày kể từ ngày sinh mà chưa đăng ký khai sinh'] },
  ];
  const ignore = ['Đăng ký khai sinh', 'làm giấy khai sinh'];

  it.each([
    ['1', 'dung-han'], ['2', 'qua-han'], ['trường hợp 2', 'qua-han'], ['số 1', 'dung-han'], ['thứ hai', 'qua-han'],
    ['cái đầu tiên', 'dung-han'], ['quá hạn', 'qua-han'], ['khai sinh quá hạn', 'qua-han'], ['dung han', 'dung-han'],
    ['đã quá 60 ngày', 'qua-han'], ['Khai sinh đúng hạn ạ', 'dung-han'],
  ])('takes "%s" for %s', (text, id) => {
    expect(commands.choose(text, cases, ignore)).toBe(id);
  });

  it.each([
    ['a question that uses an option\'s words', 'khai sinh quá hạn lệ phí bao nhiêu'],
    ['a number past the options', '3'],
    ['something else entirely', 'hôm nay trời mưa'],
    ['only words every option shares', 'khai sinh'],
    ['a question word', 'quá hạn thì sao'],
  ])('takes %s for no choice ("%s")', (_kind, text) => {
    expect(commands.choose(text, cases, ignore)).toBeNull();
  });
});
