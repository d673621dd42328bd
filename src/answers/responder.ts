import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PROCEDURE_INTENTS, type Intent } from '../nlu/intents.js';
import type { ParseResult } from '../nlu/recognizer.js';
import type { Answer, AnswerComposer, Suggestion } from './compose.js';
import { inContext, type ConversationMemory, type Question } from './context.js';

// Decides what to answer, from what was understood and what the conversation remembers.
// Pure: the bot keeps the memory in conversation state.

export { EMPTY_MEMORY, type ConversationMemory, type Question } from './context.js';

const MIN_GUESS_COVERAGE = 0.3;

export class Responder {
  constructor(private readonly knowledge: KnowledgeBase, private readonly composer: AnswerComposer) {}

  /** The question as the conversation makes it, and the memory with what it says of the citizen (context.ts). */
  understand(asked: Question, memory: ConversationMemory): { question: Question; memory: ConversationMemory } {
    return inContext(this.knowledge, asked, memory);
  }

  /** The answer to a question already read in context (`understand`). */
  respond(question: Question, memory: ConversationMemory): { answer: Answer; memory: ConversationMemory } {
    const intent = question.kind === 'text' ? question.parse.intent : question.intent;
    const named = question.kind === 'text' ? question.parse.procedure : question.procedure;

    if (PROCEDURE_INTENTS.has(intent)) {
      if (question.kind === 'text' && question.parse.ambiguous) {
        return { answer: this.composer.clarify(intent, question.parse.ambiguous), memory };
      }
      const id = named ?? memory.procedure;
      const procedure = id ? this.knowledge.get(id) : undefined;
      if (!procedure) return { answer: this.composer.simple(intent, 'askProcedure'), memory };
      const same = procedure.id === memory.procedure;
      const chosen = question.kind === 'button' && question.caseId ? question.caseId : same ? memory.caseId ?? null : null;
      const legalBasis = question.kind === 'text' ? question.legalBasis === true : question.facet === 'legalBasis';
      const answer = this.composer.aboutProcedure(intent, procedure, { situation: memory.situation ?? {}, caseId: chosen, legalBasis });
      const caseId = answer.caseId ?? (answer.asksCase ? null : chosen);
      const lastIntent = legalBasis ? (same ? memory.lastIntent ?? null : null) : intent;
      return { answer, memory: { ...memory, procedure: procedure.id, caseId, lastIntent } };
    }
    switch (intent) {
      case 'procedure.list':
        return { answer: this.composer.list(question.kind === 'text' ? question.parse.entities.field : question.field), memory };
      case 'dossier.status':
        return { answer: this.composer.simple(intent, 'dossierAskCode'), memory };
      case 'handoff':
        return { answer: this.composer.simple(intent, 'handoff'), memory };
      case 'greeting':
        return { answer: this.composer.simple(intent, intent, this.composer.starters()), memory };
      case 'thanks':
      case 'goodbye':
        return { answer: this.composer.simple(intent, intent), memory };
      default:
        return { answer: this.composer.notUnderstood(question.kind === 'text' ? this.guesses(question.parse) : []), memory };
    }
  }

  /** "Có phải bạn muốn hỏi…": near-miss procedures, then the likeliest other intents. */
  private guesses(parse: ParseResult): Suggestion[] {
    const fromProcedures = parse.procedures
      .filter((p) => p.coverage >= MIN_GUESS_COVERAGE)
      .map((p) => this.knowledge.get(p.id))
      .filter((p) => p !== undefined)
      .map((p) => ({ title: p.name, value: { intent: 'procedure.info' as Intent, procedure: p.id } }));
    return fromProcedures.slice(0, 3);
  }
}
