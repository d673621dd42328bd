import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Procedure } from '../knowledge/schema.js';
import { PROCEDURE_INTENTS, type Intent } from '../nlu/intents.js';
import type { ParseResult } from '../nlu/recognizer.js';
import type { AgeSubject } from '../nlu/situation/age-reader.js';
import { AGE_SLOT, cleanSituation, isEmptySituation, mergeSituation, PAPER_SLOTS, type Situation } from '../nlu/situation/situation.js';
import { consistentWith, familiesOf, familyMember, fitOf, pickBySituation, ruledOut, situationMatch } from './select-case.js';

// A question read in the light of the conversation: the situation said so far, the procedure
// in play, the last question. Pure: the bot keeps the memory in conversation state.

export interface ConversationMemory {
  /** The procedure in play, for follow-up questions without a procedure name. */
  procedure: string | null;
  /** The citizen's case of that procedure, once chosen (a button, the guide). */
  caseId?: string | null;
  /** What the citizen said of their situation (age, reason…), until "bắt đầu lại". */
  situation?: Situation;
  /** The last question about a procedure, for a follow-up that only states a situation. */
  lastIntent?: Intent | null;
  /** Whom the age in the situation was said of, when the message said it. */
  ageOf?: AgeSubject;
}

export const EMPTY_MEMORY: ConversationMemory = { procedure: null };

/** What the citizen asked: parsed text, or a button that already says it. */
export type Question =
  | { kind: 'text'; parse: ParseResult; legalBasis?: boolean }
  | { kind: 'button'; intent: Intent; procedure: string | null; field?: string; caseId?: string; facet?: 'legalBasis' };

/** The situation a typed message states, if any. */
export function statedSituation(question: Question): Situation | undefined {
  if (question.kind !== 'text') return undefined;
  const stated = cleanSituation(question.parse.entities.situation);
  return isEmptySituation(stated) ? undefined : stated;
}

/**
 * The question as the conversation makes it: a legal-basis question about the procedure in
 * play; a message that only states a situation ("cháu 12 tuổi", "tôi bị mất thẻ") as the last
 * question asked again; the procedure of a family the situation points to ("bị mất" → cấp
 * lại); of two procedures about as likely, the one the situation or the conversation names.
 * The memory gets the situation, without what the procedure in question rules out.
 */
export function inContext(knowledge: KnowledgeBase, asked: Question, memory: ConversationMemory): { question: Question; memory: ConversationMemory } {
  if (asked.kind === 'button') {
    const chosen = asked.caseId && asked.procedure ? { procedure: asked.procedure, caseId: asked.caseId } : {};
    return { question: asked, memory: { ...memory, ...chosen } };
  }
  const stated = statedSituation(asked);
  let parse = statement(knowledge, asked.parse, stated, memory);
  let legalBasis = false;
  if (parse.entities.facet === 'legalBasis' && (memory.procedure || parse.procedure)) {
    // The NLU names a procedure only by words besides the legal-basis ones ("pháp lý" is not "tư pháp").
    parse = { ...parse, intent: 'procedure.info', procedure: parse.procedure ?? memory.procedure, ambiguous: null };
    legalBasis = true;
  } else if (stated && memory.procedure && memory.lastIntent) {
    if (isSituationOnly(knowledge, parse, memory.procedure, stated)) {
      parse = { ...parse, intent: memory.lastIntent, procedure: parse.procedure ?? memory.procedure, ambiguous: null };
    } else if (correctsWithinFamily(knowledge, parse, memory.procedure, stated, mergeSituation(memory.situation, stated))) {
      parse = { ...parse, intent: memory.lastIntent, procedure: memory.procedure, ambiguous: null };
    } else if (answersInPlay(knowledge, parse, memory.procedure, stated, mergeSituation(memory.situation, stated))) {
      parse = { ...parse, intent: parse.intent === 'procedure.info' ? memory.lastIntent : parse.intent, procedure: memory.procedure, ambiguous: null };
    }
  }
  if (parse.ambiguous) {
    const options = parse.ambiguous.map((id) => knowledge.get(id)).filter((p): p is Procedure => p !== undefined);
    const picked = pickBySituation(options, stated)?.id ?? (memory.procedure && parse.ambiguous.includes(memory.procedure) ? memory.procedure : null);
    if (picked) parse = { ...parse, procedure: picked, ambiguous: null };
  }
  const { earlier, ageOf } = ageHolder(asked.parse, stated, memory);
  let situation = mergeSituation(earlier, stated);
  const id = PROCEDURE_INTENTS.has(parse.intent) && !parse.ambiguous ? parse.procedure ?? memory.procedure : null;
  const current = id ? knowledge.get(id) : undefined;
  if (current) {
    // Another paper: why the last one was needed, and whether it was the first time, are not said of this one.
    if (memory.procedure && !samePaper(knowledge, current.id, memory.procedure)) situation = mergeSituation(withoutPaperFacts(earlier), stated);
    const kin = familyMember(knowledge, current, stated, situation);
    const member = stated && kin.id === current.id ? fittingInstead(knowledge, parse, current, stated) : kin;
    if (member.id !== current.id || parse.procedure) parse = { ...parse, procedure: member.id };
    situation = consistentWith(member, situation);
  }
  const question: Question = { kind: 'text', parse, ...(legalBasis ? { legalBasis } : {}) };
  const kept: ConversationMemory = { ...memory, situation };
  if (isEmptySituation(situation)) delete kept.situation;
  if (ageOf) kept.ageOf = ageOf;
  else delete kept.ageOf;
  return { question, memory: kept };
}

/**
 * A procedure whose family data rules out the stated situation (`{ not: […] }`) gives way to the next one the
 * NLU ranks whose data it selects: "thẻ căn cước in sai ngày sinh" names the card, so it is
 * cấp đổi căn cước, not cải chính hộ tịch (whose family rules out a paper named as the card).
 */
function fittingInstead(knowledge: KnowledgeBase, parse: ParseResult, p: Procedure, stated: Situation): Procedure {
  const families = familiesOf(p);
  if (!families.length || !families.every((f) => ruledOut(f.select, stated))) return p;
  const next = parse.procedures.map((r) => knowledge.get(r.id)).filter((q): q is Procedure => q !== undefined)
    .map((q) => familyMember(knowledge, q, stated))
    .find((q) => q.id !== p.id && situationMatch(q, stated) > 0 && familiesOf(q).every((f) => fitOf(f.select, stated).fits));
  return next ?? p;
}

/** The same procedure, or one of its family (the same paper, as citizens see it). */
function samePaper(knowledge: KnowledgeBase, a: string, b: string): boolean {
  if (a === b) return true;
  const pa = knowledge.get(a);
  const pb = knowledge.get(b);
  if (!pa || !pb) return false;
  const ids = new Set(familiesOf(pa).map((f) => f.id));
  return familiesOf(pb).some((f) => ids.has(f.id));
}

function withoutPaperFacts(situation: Situation | undefined): Situation {
  const out: Situation = { ...(situation ?? {}) };
  for (const slot of PAPER_SLOTS) delete out[slot];
  return out;
}

/**
 * The situation said before, without an age said of someone else than the one this message is
 * about ("con 10 tuổi", then "còn tôi làm hộ chiếu"), and whom the age now held is of.
 */
function ageHolder(parse: ParseResult, stated: Situation | undefined, memory: ConversationMemory): { earlier: Situation | undefined; ageOf: AgeSubject | undefined } {
  const subject = parse.entities.subject;
  if (stated?.[AGE_SLOT] !== undefined) return { earlier: memory.situation, ageOf: subject };
  if (!subject || !memory.ageOf || subject === memory.ageOf || memory.situation?.[AGE_SLOT] === undefined) return { earlier: memory.situation, ageOf: memory.ageOf };
  const earlier = { ...memory.situation };
  delete earlier[AGE_SLOT];
  return { earlier, ageOf: undefined };
}

/** A procedure the NLU ranks this high (share of its words found) may be the one a statement is about. */
const MIN_STATED_COVERAGE = 0.35;
/** How many of the ranked procedures a statement may be about. */
const STATED_RANKS = 3;

/**
 * A message that states the citizen's situation, read as being about a procedure: "Thẻ căn
 * cước của tôi bị hỏng" (no dossier code) is not a dossier status question; "Tôi muốn cải tạo
 * lại nhà", naming no procedure, is about the likely one whose cases the situation selects —
 * unless the procedure in play, or another of its family, fits the situation already.
 */
function statement(knowledge: KnowledgeBase, parse: ParseResult, stated: Situation | undefined, memory: ConversationMemory): ParseResult {
  if (!stated || parse.flags?.includes('manipulation')) return parse;
  if (parse.intent === 'dossier.status' && !parse.entities.dossierCode && parse.procedure) return { ...parse, intent: 'procedure.info' };
  // A procedure named in nearly all its words is no off-topic message ("thẻ căn cước in sai ngày sinh vì tôi khai nhầm").
  const named = (parse.procedures[0]?.coverage ?? 0) >= UNSURE_COVERAGE;
  const open = PROCEDURE_INTENTS.has(parse.intent) || (parse.intent === 'none' && ((parse.intents[0]?.confidence ?? 0) < OFF_TOPIC || named));
  if (!open || parse.ambiguous) return parse;
  if (parse.procedure) return betterFitted(knowledge, parse, stated);
  const inPlay = memory.procedure ? knowledge.get(memory.procedure) : undefined;
  const said = mergeSituation(memory.situation, stated);
  if (inPlay && situationMatch(inPlay, said) > 0) return parse;
  // Another procedure of the family in play ("à không, thẻ bị in sai tên" after cấp lại căn
  // cước is cấp đổi) goes before a likely one of another paper (the health insurance card).
  if (inPlay && familyMember(knowledge, inPlay, stated, said).id !== inPlay.id) return parse;
  // A ranked procedure, or the one of its family the situation points to ("in sai" on a card named: cấp đổi).
  const likely = parse.procedures.slice(0, STATED_RANKS).filter((r) => r.coverage >= MIN_STATED_COVERAGE)
    .map((r) => knowledge.get(r.id)).filter((p): p is Procedure => p !== undefined)
    .map((p) => familyMember(knowledge, p, stated)).find((p) => situationMatch(p, stated) > 0);
  if (!likely) return parse;
  return { ...parse, procedure: likely.id, intent: parse.intent === 'none' ? 'procedure.info' : parse.intent };
}

/** Facts a situation must select of another ranked procedure to take over from one named by some of its words. */
const FACTS_TO_OVERRIDE = 2;

/**
 * A procedure named by some of its words gives way to a ranked one whose case the situation
 * selects with more facts: "vợ tôi vừa sinh, tôi đóng bảo hiểm bắt buộc ở công ty" is chế độ
 * thai sản for the father (two facts), not đăng ký khai sinh (one).
 */
function betterFitted(knowledge: KnowledgeBase, parse: ParseResult, stated: Situation): ParseResult {
  const named = parse.procedure ? knowledge.get(parse.procedure) : undefined;
  const coverage = parse.procedures.find((r) => r.id === parse.procedure)?.coverage ?? 1;
  if (!named || coverage >= UNSURE_COVERAGE) return parse;
  const own = situationMatch(named, stated);
  const other = parse.procedures.slice(0, STATED_RANKS).filter((r) => r.coverage >= MIN_STATED_COVERAGE && r.id !== named.id)
    .map((r) => knowledge.get(r.id)).find((p): p is Procedure => p !== undefined && situationMatch(p, stated) >= Math.max(FACTS_TO_OVERRIDE, own + 1));
  return other ? { ...parse, procedure: other.id } : parse;
}

/** Below this, the question's kind is a guess, and below the next, the procedure named is too. */
const UNSURE_INTENT = 0.7;
const UNSURE_COVERAGE = 0.9;
/** A procedure named with this share of its words or less is named by a few words only. */
const WEAK_COVERAGE = 0.6;

/**
 * A correction of the situation in play that the NLU reads, unsure, as a question about
 * another paper: "thực ra thẻ không mất, chỉ là bị sai ngày sinh" after cấp lại căn cước is
 * cấp đổi căn cước (the family in play has a procedure for it), not cải chính hộ tịch.
 */
function correctsWithinFamily(knowledge: KnowledgeBase, parse: ParseResult, inPlay: string, stated: Situation, said: Situation): boolean {
  const current = knowledge.get(inPlay);
  if (!current || !parse.procedure || !PROCEDURE_INTENTS.has(parse.intent)) return false;
  if ((parse.intents[0]?.confidence ?? 1) >= UNSURE_INTENT) return false;
  if ((parse.procedures.find((r) => r.id === parse.procedure)?.coverage ?? 1) >= UNSURE_COVERAGE) return false;
  return familyMember(knowledge, current, stated, said).id !== current.id;
}

/**
 * A situation that selects a case of the procedure in play and none of the one the NLU names
 * by a few common words: "tôi đăng ký lần đầu cho một mình tôi" after the fee of tạm trú is
 * about tạm trú, not đăng ký xe.
 */
function answersInPlay(knowledge: KnowledgeBase, parse: ParseResult, inPlay: string, stated: Situation, said: Situation): boolean {
  const current = knowledge.get(inPlay);
  const named = parse.procedure ? knowledge.get(parse.procedure) : undefined;
  if (!current || !named || named.id === current.id || !PROCEDURE_INTENTS.has(parse.intent)) return false;
  const coverage = parse.procedures.find((r) => r.id === named.id)?.coverage ?? 1;
  if (coverage >= UNSURE_COVERAGE || situationMatch(current, said) === 0) return false;
  // Named by words that are mostly the situation's ("cho bé 6 tuổi thì lệ phí bao nhiêu" is not căn cước).
  return situationMatch(named, stated) === 0 || coverage < WEAK_COVERAGE;
}

/** A message read as `none` this surely is about something else, whatever situation it states. */
const OFF_TOPIC = 0.9;

/**
 * A message that states a situation and asks nothing new: not understood on its own, or a
 * bare mention of the procedure in play or one of its family ("tôi bị mất thẻ căn cước").
 */
function isSituationOnly(knowledge: KnowledgeBase, parse: ParseResult, inPlay: string, stated: Situation): boolean {
  // Words that do little but state the situation ("ở hà nội"), unless they name a procedure of their own.
  if (parse.entities.situationOnly && parse.intent !== 'dossier.status' && (!parse.procedure || parse.procedure === inPlay)) return true;
  // Naming nothing and asking nothing, a situation that selects a case of the procedure in play
  // answers its question ("tôi ở Hà Nội còn cô ấy ở Huế" after the documents of kết hôn).
  const played = knowledge.get(inPlay);
  if (!parse.procedure && (parse.intent === 'none' || parse.intent === 'procedure.info') && played && situationMatch(played, stated) > 0) return true;
  // Sure to be about something else ("hôm nay trời mưa ở Hà Nội không"): not a follow-up.
  if (parse.intent === 'none') return (parse.intents[0]?.intent !== 'none' || parse.intents[0].confidence < OFF_TOPIC);
  if (parse.intent !== 'procedure.info') return false;
  if (!parse.procedure || parse.procedure === inPlay) return true;
  const named = knowledge.get(parse.procedure);
  const current = knowledge.get(inPlay);
  if (!named || !current) return false;
  const ids = new Set(familiesOf(current).map((f) => f.id));
  return familiesOf(named).some((f) => ids.has(f.id));
}
