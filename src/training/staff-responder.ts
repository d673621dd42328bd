import type { ConversationMemory, Question } from '../answers/responder.js';
import { Responder } from '../answers/responder.js';
import type { Answer, AnswerComposer } from '../answers/compose.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { isStaffParse } from './staff-recognizer.js';
import type { FaqIntent } from '../store/training-edit-store.js';

/**
 * The responder, plus the answers of staff FAQ intents. The answer text is read when the
 * question comes, so staff can correct an answer without retraining; a FAQ deleted since
 * the model was trained is simply not understood.
 */
export class StaffResponder extends Responder {
  constructor(knowledge: KnowledgeBase, composer: AnswerComposer, private readonly faq: (intent: string) => FaqIntent | undefined) {
    super(knowledge, composer);
  }

  override respond(question: Question, memory: ConversationMemory): { answer: Answer; memory: ConversationMemory } {
    if (question.kind === 'text' && isStaffParse(question.parse) && question.parse.faq) {
      const faq = this.faq(question.parse.faq.intent);
      if (faq) return { answer: { text: faq.answer, suggestions: [], intent: question.parse.intent, procedure: null }, memory };
    }
    return super.respond(question, memory);
  }
}
