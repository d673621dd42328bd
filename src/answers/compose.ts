import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Procedure } from '../knowledge/schema.js';
import type { Intent } from '../nlu/intents.js';
import type { Situation } from '../nlu/situation/situation.js';
import type { Replies } from './replies.js';
import { ProcedureAnswers } from './procedure-answer.js';
import type { FeedbackValue, RatingValue } from '../analytics/feedback-values.js';

// Turns an understood question into an answer from the knowledge base: text (Markdown)
// and the natural next questions as buttons. No botbuilder here: the bot adapts it.

/** A button that asks a question, already understood: no need to parse it again. */
export interface QuestionValue {
  intent: Intent;
  procedure: string | null;
  /** For procedure.list: the field (lĩnh vực) asked about. */
  field?: string;
  /** The citizen's case of the procedure, chosen with this button. */
  caseId?: string;
  /** The whole legal basis (procedure.info). */
  facet?: 'legalBasis';
}

/**
 * A button that answers the prompt of a dialog ("Có rồi") or gives a command ("reset",
 * "resume"). `step` names the prompt it was offered for, so an old button is not taken
 * as the answer to a newer question.
 */
export interface ActionValue {
  action: string;
  arg?: string;
  step?: string;
}

export interface Suggestion {
  title: string;
  /** A question, a dialog's answer or command, or the citizen's vote or rating (src/bot/feedback-handler.ts). */
  value: QuestionValue | ActionValue | FeedbackValue | RatingValue;
}

export interface Answer {
  text: string;
  suggestions: Suggestion[];
  intent: Intent;
  procedure: string | null;
  /** The case of the procedure the answer is about, when it is about one. */
  caseId?: string | null;
  /** Set when the answer asks which case applies: a typed choice may follow. */
  asksCase?: { intent: Intent; procedure: string; cases: string[] };
}

/** What is known of the citizen when answering about a procedure. */
export interface AnswerContext {
  situation?: Situation;
  /** A case chosen before (a button, the guide). */
  caseId?: string | null;
  /** The full legal basis was asked for. */
  legalBasis?: boolean;
}

export class AnswerComposer {
  private readonly answers: ProcedureAnswers;

  constructor(private readonly knowledge: KnowledgeBase, private readonly replies: Replies) {
    this.answers = new ProcedureAnswers(replies);
  }

  say(id: string, values?: Record<string, string | number>): string {
    return this.replies.say(id, values);
  }

  /** Buttons for the other questions one may ask about a procedure. */
  nextQuestions(procedure: Procedure, except: Intent, legalBasis = false): Suggestion[] {
    const all: Array<[Intent, string]> = [
      ['procedure.documents', 'buttonDocuments'],
      ['procedure.fee', 'buttonFee'],
      ['procedure.duration', 'buttonDuration'],
      ['procedure.location', 'buttonLocation'],
      ['procedure.online', 'buttonOnline'],
      ['procedure.steps', 'buttonSteps'],
    ];
    const buttons: Suggestion[] = all.filter(([intent]) => intent !== except)
      .map(([intent, id]) => ({ title: this.replies.say(id), value: { intent, procedure: procedure.id } }));
    if (!legalBasis) buttons.push({ title: this.replies.say('buttonLegal'), value: { intent: 'procedure.info', procedure: procedure.id, facet: 'legalBasis' } });
    return buttons;
  }

  /**
   * The answer about one procedure for a procedure.* intent, fitted to what is known of the
   * citizen: their case only, or the question which case when the answer differs by case.
   */
  aboutProcedure(intent: Intent, procedure: Procedure, context: AnswerContext = {}): Answer {
    const fitted = this.answers.answer({
      intent, procedure, situation: context.situation ?? {}, caseId: context.caseId ?? null, ...(context.legalBasis ? { legalBasis: true } : {}),
    });
    if (fitted.ask) {
      const suggestions = fitted.ask.map((c) => ({ title: c.name, value: { intent, procedure: procedure.id, caseId: c.id } }));
      return { text: fitted.text, suggestions, intent, procedure: procedure.id, asksCase: { intent, procedure: procedure.id, cases: fitted.ask.map((c) => c.id) } };
    }
    return { text: fitted.text, suggestions: this.nextQuestions(procedure, intent, context.legalBasis), intent, procedure: procedure.id, caseId: fitted.caseId };
  }

  /** Procedures in a field, or the list of fields. */
  list(field: string | undefined): Answer {
    const procedures = field ? this.knowledge.inField(field) : [];
    if (!procedures.length) {
      const fields = this.knowledge.fields();
      return {
        text: [this.replies.say('listFields'), ...fields.map((f) => `- ${f}`)].join('\n'),
        suggestions: fields.map((f) => ({ title: upperFirst(f), value: { intent: 'procedure.list', procedure: null, field: f } })),
        intent: 'procedure.list',
        procedure: null,
      };
    }
    return {
      text: [this.replies.say('listField', { field: field ?? '' }), ...procedures.map((p) => `- ${p.name}`)].join('\n'),
      suggestions: procedures.map((p) => ({ title: p.name, value: { intent: 'procedure.info', procedure: p.id } })),
      intent: 'procedure.list',
      procedure: null,
    };
  }

  /** Which of these procedures? Buttons, one per procedure. */
  clarify(intent: Intent, ids: string[]): Answer {
    const suggestions = ids.map((id) => this.knowledge.get(id)).filter((p): p is Procedure => Boolean(p))
      .map((p) => ({ title: p.name, value: { intent, procedure: p.id } }));
    return { text: this.replies.say('clarifyProcedure'), suggestions, intent, procedure: null };
  }

  /** "I did not understand", with up to three guesses. */
  notUnderstood(guesses: Suggestion[]): Answer {
    const suggestions = guesses.slice(0, 3);
    return {
      text: this.replies.say(suggestions.length ? 'noneWithSuggestions' : 'none'),
      suggestions,
      intent: 'none',
      procedure: null,
    };
  }

  /** Buttons to start with: the fields of procedures, a dossier's status. */
  starters(): Suggestion[] {
    return [
      { title: this.replies.say('buttonList'), value: { intent: 'procedure.list', procedure: null } },
      { title: this.replies.say('buttonStatus'), value: { intent: 'dossier.status', procedure: null } },
    ];
  }

  simple(intent: Intent, replyId: string, suggestions: Suggestion[] = []): Answer {
    return { text: this.replies.say(replyId), suggestions, intent, procedure: null };
  }
}

function upperFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
