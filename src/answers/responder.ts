import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PROCEDURE_INTENTS, type Intent } from '../nlu/intents.js';
import type { ParseResult } from '../nlu/recognizer.js';
import type { Answer, AnswerComposer, Suggestion } from './compose.js';

// Decides what to answer, from what was understood and what the conversation remembers.
// Pure: the bot keeps the memory in conversation state.

export interface ConversationMemory {
  /** The procedure in play, for follow-up questions without a procedure name. */
  procedure: string | null;
  /** The citizen's case of that procedure, once chosen in the guide. */
  caseId?: string | null;
}

export const EMPTY_MEMORY: ConversationMemory = { procedure: null };

/** What the citizen asked: parsed text, or a button that already says it. */
export type Question =
  | { kind: 'text'; parse: ParseResult }
  | { kind: 'button'; intent: Intent; procedure: string | null; field?: string };

const MIN_GUESS_COVERAGE = 0.3;

/**
 * A question that names two procedures about equally is about the one in play when that is
 * one of them ("giấy phép lái xe cần gì" while talking of đổi giấy phép lái xe): no need to ask.
 */
export function inContext(question: Question, memory: ConversationMemory): Question {
  if (question.kind !== 'text') return question;
  const { ambiguous } = question.parse;
  if (!ambiguous || !memory.procedure || !ambiguous.includes(memory.procedure)) return question;
  return { kind: 'text', parse: { ...question.parse, procedure: memory.procedure, ambiguous: null } };
}

export class Responder {
  constructor(private readonly knowledge: KnowledgeBase, private readonly composer: AnswerComposer) {}

  respond(asked: Question, memory: ConversationMemory): { answer: Answer; memory: ConversationMemory } {
    const question = inContext(asked, memory);
    const intent = question.kind === 'text' ? question.parse.intent : question.intent;
    const named = question.kind === 'text' ? question.parse.procedure : question.procedure;

    if (PROCEDURE_INTENTS.has(intent)) {
      if (question.kind === 'text' && question.parse.ambiguous) {
        return { answer: this.composer.clarify(intent, question.parse.ambiguous), memory };
      }
      const id = named ?? memory.procedure;
      const procedure = id ? this.knowledge.get(id) : undefined;
      if (!procedure) return { answer: this.composer.simple(intent, 'askProcedure'), memory };
      const caseId = procedure.id === memory.procedure ? memory.caseId ?? null : null;
      return { answer: this.composer.aboutProcedure(intent, procedure, caseId), memory: { ...memory, procedure: procedure.id, caseId } };
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
        // An attempt to override the rules or obtain people's data: what the assistant can do, no guesses.
        if (question.kind === 'text' && question.parse.flags?.includes('manipulation')) return { answer: this.composer.simple('none', 'manipulation', this.composer.starters()), memory };
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
