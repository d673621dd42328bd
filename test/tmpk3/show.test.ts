import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadReplies } from '../../src/answers/replies.js';
import { AnswerComposer } from '../../src/answers/compose.js';
const config = loadConfig({});
const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
const composer = new AnswerComposer(kb, loadReplies(path.join(config.INTENTS_DIR, 'responses', 'vi.yaml')));
it('shows', () => {
  for (const [id, c] of [['cap-lai-giay-phep-lai-xe', undefined], ['cap-ho-chieu-pho-thong', undefined], ['cap-ho-chieu-pho-thong', 'mat-hoac-hong'], ['cap-ho-chieu-pho-thong', 'tu-14-tuoi'], ['cap-lai-the-can-cuoc', undefined], ['dang-ky-thuong-tru', 'nha-cua-minh']] as const) {
    console.log(id, c, '\n' + composer.aboutProcedure('procedure.fee', kb.get(id)!, { caseId: c }).text);
  }
});
