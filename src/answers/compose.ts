import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Procedure, ProcedureFee } from '../knowledge/schema.js';
import type { Intent } from '../nlu/intents.js';
import type { Replies } from './replies.js';

// Turns an understood question into an answer from the knowledge base: text (Markdown)
// and the natural next questions as buttons. No botbuilder here: the bot adapts it.

/** A button that asks a question, already understood: no need to parse it again. */
export interface QuestionValue {
  intent: Intent;
  procedure: string | null;
  /** For procedure.list: the field (lĩnh vực) asked about. */
  field?: string;
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
  value: QuestionValue | ActionValue;
}

export interface Answer {
  text: string;
  suggestions: Suggestion[];
  intent: Intent;
  procedure: string | null;
}

const money = new Intl.NumberFormat('vi-VN');

export function formatFee(fee: ProcedureFee, replies: Replies): string {
  // A catalogue's fee that could not be read as an amount: its words, as written.
  if (fee.amount === null && !fee.note) return fee.label;
  const amount = fee.amount === null ? replies.say('feeUnknown') : fee.amount === 0 ? replies.say('feeFree') : replies.say('feeAmount', { amount: money.format(fee.amount) });
  const parts = [`${fee.label}: **${amount}**`];
  if (fee.onlineAmount !== undefined && fee.onlineAmount !== null && fee.onlineAmount !== fee.amount) {
    parts.push(`(${replies.say('feeOnline', { amount: fee.onlineAmount === 0 ? replies.say('feeFree') : replies.say('feeAmount', { amount: money.format(fee.onlineAmount) }) })})`);
  }
  if (fee.note) parts.push(`— ${fee.note}`);
  return parts.join(' ');
}

export class AnswerComposer {
  constructor(private readonly knowledge: KnowledgeBase, private readonly replies: Replies) {}

  say(id: string, values?: Record<string, string | number>): string {
    return this.replies.say(id, values);
  }

  /** Buttons for the other questions one may ask about a procedure. */
  nextQuestions(procedure: Procedure, except: Intent): Suggestion[] {
    const all: Array<[Intent, string]> = [
      ['procedure.documents', 'buttonDocuments'],
      ['procedure.fee', 'buttonFee'],
      ['procedure.duration', 'buttonDuration'],
      ['procedure.location', 'buttonLocation'],
      ['procedure.online', 'buttonOnline'],
      ['procedure.steps', 'buttonSteps'],
    ];
    return all.filter(([intent]) => intent !== except)
      .map(([intent, id]) => ({ title: this.replies.say(id), value: { intent, procedure: procedure.id } }));
  }

  /** The answer about one procedure for a procedure.* intent. */
  /** With `caseId`, the citizen's own case (chosen in the guide): documents, fee and time for it alone. */
  aboutProcedure(intent: Intent, procedure: Procedure, caseId: string | null = null): Answer {
    const lines = withEmptyCells(intent, procedure, this.procedureLines(intent, procedure, caseId), this.replies);
    lines.push('', procedure.legalBasis.length
      ? this.replies.say('source', { legal: procedure.legalBasis.join('; ') })
      : this.replies.say('sourceCatalogue', { code: procedure.catalogCode ?? procedure.id }));
    if (procedure.online.url) lines.push(procedure.online.url);
    return { text: lines.join('\n'), suggestions: this.nextQuestions(procedure, intent), intent, procedure: procedure.id };
  }

  private procedureLines(intent: Intent, p: Procedure, caseId: string | null): string[] {
    const r = this.replies;
    const name = lowerFirst(p.name);
    const multi = p.cases.length > 1;
    const own = p.cases.filter((c) => c.id === caseId);
    const cases = own.length ? own : p.cases;
    const caseHeading = (c: Procedure['cases'][number]): string =>
      r.say('documentsCase', { case: c.name, when: c.when ? ` (${lowerFirst(c.when)})` : '' });
    switch (intent) {
      case 'procedure.documents':
        return [r.say('documentsIntro', { name }), ...cases.flatMap((c) => [
          ...(multi ? ['', caseHeading(c)] : []),
          ...c.documents.map((d, i) => `${i + 1}. ${d.name}${d.form ? ` — ${lowerFirst(d.form)}` : ''}${d.optional ? ` ${r.say('optionalDocument')}` : ''}`),
        ])];
      case 'procedure.fee':
        return [r.say('feeIntro', { name }), ...cases.flatMap((c) => [
          ...(multi ? [caseHeading(c)] : []),
          ...c.fees.map((f) => `- ${formatFee(f, r)}`),
          ...(c.exemptions.length ? [r.say('exemptions', { list: c.exemptions.join('; ') })] : []),
        ]), ...p.caveats.map((text) => r.say('caveat', { text }))];
      case 'procedure.duration':
        return [r.say('durationIntro', { name }), ...cases.map((c) => (multi ? `- ${c.name}: ${c.duration}` : c.duration))];
      case 'procedure.location':
        return [r.say('locationIntro', { name }), ...p.submitAt.map((s) => `- ${s}`), ...(p.agency ? [r.say('locationAgency', { agency: p.agency })] : [])];
      case 'procedure.online': {
        const id = { full: 'onlineFull', partial: 'onlinePartial', none: 'onlineNone', unknown: 'onlineUnknown' }[p.online.availability];
        return [r.say(id, { name, url: p.online.url ?? r.say('onlineNoUrl') }), ...(p.online.note ? [p.online.note] : [])];
      }
      case 'procedure.steps':
        return [r.say('stepsIntro', { name }), ...p.steps.map((s, i) => `${i + 1}. ${s}`)];
      default:
        return [
          r.say('overviewIntro', { name: p.name }),
          ...(p.agency ? [r.say('overviewAgency', { agency: p.agency })] : []),
          ...(multi ? [r.say('overviewCases', { cases: p.cases.map((c) => lowerFirst(c.name)).join('; ') })] : []),
          r.say('overviewAsk'),
        ];
    }
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

/**
 * An imported procedure's catalogue may leave the cell asked about empty: the answer says so
 * plainly ("Danh mục chưa có thông tin lệ phí…") instead of an empty list.
 */
function withEmptyCells(intent: Intent, p: Procedure, lines: string[], r: Replies): string[] {
  const empty: Partial<Record<Intent, boolean>> = {
    'procedure.documents': p.cases.every((c) => !c.documents.length),
    'procedure.fee': p.cases.every((c) => !c.fees.length && !c.exemptions.length),
    'procedure.duration': p.cases.every((c) => !c.duration),
    'procedure.location': !p.submitAt.length && !p.agency,
    'procedure.steps': !p.steps.length,
  };
  const id = { 'procedure.documents': 'emptyDocuments', 'procedure.fee': 'emptyFee', 'procedure.duration': 'emptyDuration', 'procedure.location': 'emptyLocation', 'procedure.steps': 'emptySteps' }[intent as string];
  return empty[intent] && id ? [lines[0] ?? '', r.say(id)] : lines;
}

function upperFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function lowerFirst(text: string): string {
  // Keep acronyms and proper names ("UBND", "Giấy…" stays when the second letter is upper case).
  return /^[A-ZÀ-Ỹ][a-zà-ỹ]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
