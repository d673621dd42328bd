import type { Procedure, ProcedureCase, ProcedureFee } from '../knowledge/schema.js';
import type { Intent } from '../nlu/intents.js';
import type { Situation } from '../nlu/situation/situation.js';
import { amountsInShort, amountText, applicableFees, formatAmount } from './fee-lines.js';
import type { Replies } from './replies.js';
import { selectCase } from './select-case.js';
import { firstClause, firstSentences, lowerFirst, shortDocument, withoutBrackets, words } from './answer-text.js';
import { saysNothingNew } from './repeated-note.js';

// The text of an answer about one procedure, fitted to the citizen: the case they are in
// only; when the answer differs by case and the case is unknown, one line per case or the
// question which one; the direct answer first, notes only while the answer stays within its
// word budget; the legal basis as one short line (the full list on request).

/** Words an answer should hold at most, by question: about 80–90 for a fee or a time, 100 for a place. */
const BUDGETS: Partial<Record<Intent, number>> = {
  'procedure.fee': 80,
  'procedure.duration': 80,
  'procedure.location': 95,
  'procedure.documents': 100,
};
/** Cases summed up one line each, at most; more are asked with buttons only. */
const MAX_SUMMARY_CASES = 3;
/** Fee lines listed, at most, when the situation could narrow them: more are summed up as a range. */
const MAX_FEE_LINES = 4;
/** Words that make a caveat about the fee, the time or the place. */
const FACET_WORDS: Partial<Record<Intent, RegExp>> = {
  'procedure.fee': /(?<!\p{L})(phí|lệ phí|đồng|miễn|giảm|mức thu)(?!\p{L})/iu,
  'procedure.duration': /(?<!\p{L})(thời hạn|thời gian|ngày làm việc|trả kết quả)(?!\p{L})/iu,
  'procedure.location': /(?<!\p{L})(nơi nộp|tiếp nhận|nộp tại|địa điểm)(?!\p{L})/iu,
};

export interface ProcedureQuestion {
  intent: Intent;
  procedure: Procedure;
  situation: Situation;
  /** A case chosen before (button, guide), kept while the situation allows it. */
  caseId: string | null;
  /** The full legal basis was asked for. */
  legalBasis?: boolean;
}

export interface ProcedureText {
  text: string;
  /** The case answered, when the answer is about one. */
  caseId: string | null;
  /** The cases to choose among, when the answer asks which applies. */
  ask: ProcedureCase[] | null;
}

export class ProcedureAnswers {
  constructor(private readonly replies: Replies) {}

  answer(q: ProcedureQuestion): ProcedureText {
    const p = q.procedure;
    const { chosen, candidates } = selectCase(p, q.situation, q.caseId);
    // The legal basis is the procedure's, whatever the case; the case known stays said.
    if (q.legalBasis) return { text: this.legalBasis(p), caseId: caseAnswered(p, chosen), ask: null };
    // An imported procedure whose catalogue cell is empty: say so plainly.
    const empty = emptyCell(q.intent, p);
    if (empty) return { text: [this.replies.say(empty), this.legalLine(p)].join('\n'), caseId: null, ask: null };
    const perCase = q.intent === 'procedure.fee' || q.intent === 'procedure.duration' || q.intent === 'procedure.documents';
    if (!perCase || chosen) {
      const c = chosen ?? (p.cases.length === 1 ? p.cases[0]! : null);
      return { text: this.fitted(q, c, c !== null && p.cases.length > 1), caseId: caseAnswered(p, chosen), ask: null };
    }
    // The same answer in every case still possible: say it once.
    const texts = new Set(candidates.map((c) => this.core(q, c, false).join('\n')));
    if (texts.size === 1) return { text: this.fitted(q, candidates[0]!, false), caseId: null, ask: null };
    // Times that differ only after their first clause: that clause answers, the rest is a detail.
    const clauses = new Set(candidates.map((c) => firstClause(c.duration, true)));
    if (q.intent === 'procedure.duration' && clauses.size === 1) {
      const name = lowerFirst(p.name);
      return { text: [this.replies.say('durationOne', { name, case: '', duration: `${[...clauses][0]!}.` }), this.legalLine(p)].join('\n'), caseId: null, ask: null };
    }
    return { text: this.askCase(q, candidates), caseId: null, ask: candidates };
  }

  /** The direct answer, then notes while within the budget, then the legal basis line. */
  private fitted(q: ProcedureQuestion, c: ProcedureCase | null, labelled: boolean): string {
    const tail = [this.legalLine(q.procedure)];
    const budget = BUDGETS[q.intent];
    // Too long: without brackets; then without the case's name (known from the question); then notes cut to a sentence.
    const full = this.core(q, c, labelled);
    const unlabelled = labelled ? this.core(q, c, false) : full;
    const variants = [full, withoutBrackets(full), unlabelled, withoutBrackets(unlabelled), firstSentences(withoutBrackets(unlabelled))];
    const core = budget === undefined ? full : variants.find((lines) => words([...lines, ...tail]) <= budget) ?? variants.at(-1)!;
    const lines = [...core];
    for (const note of c ? this.notes(q, c) : []) {
      if (budget !== undefined && words([...lines, note, ...tail]) > budget) continue;
      lines.push(note);
    }
    return [...lines, ...tail].join('\n');
  }

  /** What answers the question, and nothing else. */
  private core(q: ProcedureQuestion, c: ProcedureCase | null, labelled: boolean): string[] {
    const r = this.replies;
    const p = q.procedure;
    const name = lowerFirst(p.name);
    const label = labelled && c ? r.say('caseLabel', { case: lowerFirst(c.name) }) : '';
    switch (q.intent) {
      case 'procedure.fee': {
        if (!c) return [];
        const fees = applicableFees(c, q.situation);
        const unsaid = fees.length > MAX_FEE_LINES ? unknownSlots(fees, q.situation) : [];
        if (unsaid.length) return [this.feeRange(name, label, fees, unsaid)];
        // An amount that could not be fixed is said by its note ("tùy khu vực…").
        // A catalogue's fee that could not be read as an amount is its words, as written.
        const amounts = fees.map((f) => ({ f, amount: f.amount === null ? f.note ?? f.label : amountText(f, q.situation, r) }));
        if (amounts.length === 1) {
          // One line of several (the citizen's vehicle, area): its own label says which.
          const one = amounts[0]!;
          const what = c.fees.length > 1 ? one.f.label : r.say('feeOf', { name });
          return [r.say('feeOne', { what, case: label, amount: one.amount }).replace(/\.\.$/, '.')];
        }
        return [r.say('feeIntro', { name, case: label }), ...amounts.map((a) => `- ${a.f.label}: ${a.amount}`)];
      }
      case 'procedure.duration':
        return c ? [r.say('durationOne', { name, case: label, duration: c.duration })] : [];
      case 'procedure.documents':
        return c ? [r.say('documentsIntro', { name, case: label }), ...c.documents.map((d, i) => `${i + 1}. ${d.name}${d.optional ? ` ${r.say('optionalDocument')}` : ''}`)] : [];
      case 'procedure.location':
        return [r.say('locationIntro', { name }), ...p.submitAt.map((s) => `- ${s}`)];
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
          ...this.overviewCases(p, labelled ? c : null),
          r.say('overviewAsk'),
        ];
    }
  }

  /**
   * Many fee lines that the situation would narrow ("xe máy hay ô tô", "ở đâu"): their range,
   * and what to say to get the one amount.
   */
  private feeRange(name: string, label: string, fees: ProcedureFee[], slots: string[]): string {
    const r = this.replies;
    const amounts = fees.map((f) => f.amount).filter((a): a is number => a !== null).sort((a, b) => a - b);
    const ids = r.ids();
    const what = slots.map((slot) => `slot${slot[0]!.toUpperCase()}${slot.slice(1)}`).filter((id) => ids.includes(id)).map((id) => r.say(id));
    return r.say('feeBySlots', {
      name, case: label,
      from: formatAmount(amounts[0] ?? null, r), to: formatAmount(amounts.at(-1) ?? null, r),
      what: what.length ? what.join(r.say('andWord')) : r.say('slotAny'),
    });
  }

  /** The citizen's case when known, else the cases there are (none for a procedure of one). */
  private overviewCases(p: Procedure, c: ProcedureCase | null): string[] {
    if (c) return [this.replies.say('overviewYourCase', { case: c.name })];
    return p.cases.length > 1 ? [this.replies.say('overviewCases', { cases: p.cases.map((x) => lowerFirst(x.name)).join('; ') })] : [];
  }

  /** Notes that may follow the answer, most useful first: each only when it is about this question. */
  private notes(q: ProcedureQuestion, c: ProcedureCase): string[] {
    const r = this.replies;
    const notes: string[] = [];
    if (q.intent === 'procedure.fee') {
      if (c.exemptions.length) notes.push(r.say('exemptions', { list: c.exemptions.join('; ') }));
      // A fee's note where the amount is known: not a bare citation, not a free fee's restatement.
      for (const f of applicableFees(c, q.situation)) {
        if (f.note && f.amount !== null && f.amount > 0 && !/^Theo [^.;]*\.?$/u.test(f.note)) notes.push(r.say('caveat', { text: f.note }));
      }
    }
    if (q.intent === 'procedure.location' && q.procedure.agency) notes.push(r.say('locationAgency', { agency: q.procedure.agency }));
    const caveat = this.caveat(q, c);
    if (caveat && !saysNothingNew(caveat, notes)) notes.push(r.say('caveat', { text: caveat }));
    return notes;
  }

  /**
   * The first caveat about this question's subject, if it may apply: a fee caveat naming
   * amounts applies only where they are all the case's; none for a fee that is free.
   */
  private caveat(q: ProcedureQuestion, c: ProcedureCase): string | undefined {
    const about = FACET_WORDS[q.intent];
    if (!about) return undefined;
    const fees = applicableFees(c, q.situation);
    if (q.intent === 'procedure.fee' && fees.every((f) => f.amount === 0)) return undefined;
    const shown = new Set(fees.flatMap((f) => [f.amount, f.onlineAmount]).filter((a): a is number => typeof a === 'number'));
    return q.procedure.caveats.find((x) => {
      if (!about.test(x)) return false;
      const amounts = [...x.matchAll(/(\d{1,3}(?:\.\d{3})+)\s*đồng/gu)].map((m) => Number(m[1]!.replace(/\./g, '')));
      return q.intent !== 'procedure.fee' || amounts.every((a) => shown.has(a));
    });
  }

  /** One line per case when there are a few, else the question alone; buttons choose. */
  private askCase(q: ProcedureQuestion, cases: ProcedureCase[]): string {
    const r = this.replies;
    const name = lowerFirst(q.procedure.name);
    const intro = q.intent === 'procedure.fee' ? 'feeByCase' : q.intent === 'procedure.duration' ? 'durationByCase' : 'documentsByCase';
    const ask = (summary: (c: ProcedureCase) => string | null): string[] => [
      r.say(intro, { name }),
      ...cases.map((c, i) => {
        const s = cases.length <= MAX_SUMMARY_CASES ? summary(c) : null;
        return s ? `- ${c.name}: ${s}` : `${i + 1}. ${c.name}`;
      }),
      r.say('askCase'),
    ];
    if (q.intent === 'procedure.fee') return ask((c) => amountsInShort(c, q.situation, r)).join('\n');
    if (q.intent !== 'procedure.duration') return ask(() => null).join('\n');
    // Times: whole when they fit, else their first clause, else the cases alone.
    const budget = BUDGETS[q.intent] ?? Infinity;
    for (const summary of [(c: ProcedureCase) => c.duration, (c: ProcedureCase) => firstClause(c.duration, true)]) {
      const lines = ask(summary);
      if (words(lines) <= budget) return lines.join('\n');
    }
    return ask(() => null).join('\n');
  }

  /** One short line: the main document and the link. */
  legalLine(p: Procedure): string {
    // An imported procedure whose catalogue names no legal document: where its facts come from.
    if (!p.legalBasis.length) return this.replies.say('sourceCatalogue', { code: p.catalogCode ?? p.id });
    const url = p.online.url ?? p.sources[0] ?? '';
    return this.replies.say('legalLine', { document: shortDocument(p.legalBasis[0] ?? ''), url }).trim();
  }

  /** The whole legal basis, on request. */
  legalBasis(p: Procedure): string {
    const r = this.replies;
    const lines = [r.say('legalIntro', { name: lowerFirst(p.name) }), ...p.legalBasis.map((d) => `- ${d}`)];
    if (p.sources.length) lines.push(r.say('legalSources', { sources: shownSources(p.sources).join(' · ') }));
    return lines.join('\n');
  }
}

/** How many sources a chat answer lists: the citizen needs where to check, not the reviewer's whole trail. */
const SHOWN_SOURCES = 3;
// The state's own sites: *.gov.vn and the Government's portals (vanban.chinhphu.vn, congbao.chinhphu.vn).
const isOfficial = (url: string) => /^https?:\/\/([^/?#]*\.)?(gov\.vn|chinhphu\.vn)([/?#]|$)/i.test(url);

/** The sources to show: official portals first, in their written order, then the others, up to SHOWN_SOURCES. */
export function shownSources(sources: readonly string[]): string[] {
  return [...sources.filter(isOfficial), ...sources.filter((s) => !isOfficial(s))].slice(0, SHOWN_SOURCES);
}

/**
 * The case an answer is about, for channelData: the chosen one; a curated procedure's only case
 * too (the citizen is in it), not the whole row an imported entry holds as its one case.
 */
function caseAnswered(p: Procedure, chosen: ProcedureCase | null): string | null {
  if (!chosen) return null;
  return p.cases.length > 1 || !p.origin ? chosen.id : null;
}

/** The reply that says the catalogue left the cell asked about empty, or null. */
function emptyCell(intent: Intent, p: Procedure): string | null {
  switch (intent) {
    case 'procedure.documents': return p.cases.every((c) => !c.documents.length) ? 'emptyDocuments' : null;
    case 'procedure.fee': return p.cases.every((c) => !c.fees.length && !c.exemptions.length) ? 'emptyFee' : null;
    case 'procedure.duration': return p.cases.every((c) => !c.duration) ? 'emptyDuration' : null;
    case 'procedure.location': return !p.submitAt.length && !p.agency ? 'emptyLocation' : null;
    case 'procedure.steps': return !p.steps.length ? 'emptySteps' : null;
    default: return null;
  }
}

/** The slots the fee lines' `select` names that the situation does not know, in order. */
function unknownSlots(fees: ProcedureFee[], situation: Situation): string[] {
  const slots = fees.flatMap((f) => (f.select === undefined ? [] : (Array.isArray(f.select) ? f.select : [f.select]).flatMap((a) => Object.keys(a))));
  return [...new Set(slots)].filter((slot) => situation[slot] === undefined);
}
