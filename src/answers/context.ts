import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Procedure } from '../knowledge/schema.js';
import { PROCEDURE_INTENTS, type Intent } from '../nlu/intents.js';
import type { ParseResult } from '../nlu/recognizer.js';
import { cleanSituation, isEmptySituation, mergeSituation, type Situation } from '../nlu/situation/situation.js';
import { legalBasisQuestion } from './legal-basis-question.js';
import { consistentWith, familiesOf, familyMember, pickBySituation } from './select-case.js';

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
  let parse = asked.parse;
  let legalBasis = false;
  const legal = legalBasisQuestion(parse);
  if (legal && (memory.procedure || parse.procedure)) {
    // "căn cứ pháp lý?" names nothing else: a procedure read into its words ("pháp") is not meant.
    const procedure = legal.namesSomething ? parse.procedure ?? memory.procedure : memory.procedure ?? parse.procedure;
    parse = { ...parse, intent: 'procedure.info', procedure, ambiguous: null };
    legalBasis = true;
  } else if (stated && memory.procedure && memory.lastIntent && isSituationOnly(knowledge, parse, memory.procedure)) {
    parse = { ...parse, intent: memory.lastIntent, procedure: parse.procedure ?? memory.procedure, ambiguous: null };
  }
  if (parse.ambiguous) {
    const options = parse.ambiguous.map((id) => knowledge.get(id)).filter((p): p is Procedure => p !== undefined);
    const picked = pickBySituation(options, stated)?.id ?? (memory.procedure && parse.ambiguous.includes(memory.procedure) ? memory.procedure : null);
    if (picked) parse = { ...parse, procedure: picked, ambiguous: null };
  }
  let situation = mergeSituation(memory.situation, stated);
  const id = PROCEDURE_INTENTS.has(parse.intent) && !parse.ambiguous ? parse.procedure ?? memory.procedure : null;
  const current = id ? knowledge.get(id) : undefined;
  if (current) {
    const member = familyMember(knowledge, current, stated);
    if (member.id !== current.id || parse.procedure) parse = { ...parse, procedure: member.id };
    situation = consistentWith(member, situation);
  }
  const question: Question = { kind: 'text', parse, ...(legalBasis ? { legalBasis } : {}) };
  return { question, memory: { ...memory, ...(isEmptySituation(situation) ? {} : { situation }) } };
}

/** A message read as `none` this surely is about something else, whatever situation it states. */
const OFF_TOPIC = 0.9;

/**
 * A message that states a situation and asks nothing new: not understood on its own, or a
 * bare mention of the procedure in play or one of its family ("tôi bị mất thẻ căn cước").
 */
function isSituationOnly(knowledge: KnowledgeBase, parse: ParseResult, inPlay: string): boolean {
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
