import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { inContext, type ConversationMemory } from '../../src/answers/context.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The legal-basis question as the conversation makes it: the NLU marks it (entities.facet),
// the procedure is the one the message names, else the one in play.

const knowledge = loadKnowledgeBase(loadConfig({}).KNOWLEDGE_DIR);
const { recognizer } = projectRecognizer();
const inPlay: ConversationMemory = { procedure: 'cap-the-can-cuoc', lastIntent: 'procedure.fee' };

describe('a legal-basis question in the conversation', () => {
  it.each([
    ['căn cứ pháp lý?', 'cap-the-can-cuoc'],
    ['theo van ban nao', 'cap-the-can-cuoc'],
    ['quy định nào vậy', 'cap-the-can-cuoc'],
    ['căn cứ pháp lý của cấp phiếu lý lịch tư pháp', 'cap-phieu-ly-lich-tu-phap'],
    ['ho chieu theo luat nao', 'cap-ho-chieu-pho-thong'],
  ])('"%s" asks for the legal basis of %s', (text, procedure) => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse(text) }, inPlay);
    expect(question).toMatchObject({ kind: 'text', legalBasis: true, parse: { intent: 'procedure.info', procedure } });
  });

  it('is a plain question when the message does not ask for the legal basis', () => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('lệ phí bao nhiêu') }, inPlay);
    expect(question).not.toHaveProperty('legalBasis');
  });

  it('is left to the responder when no procedure is named or in play', () => {
    const { question } = inContext(knowledge, { kind: 'text', parse: recognizer.parse('căn cứ pháp lý là gì?') }, { procedure: null });
    expect(question).toMatchObject({ parse: { procedure: null } });
    expect(question).not.toHaveProperty('legalBasis');
  });
});
