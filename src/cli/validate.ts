import path from 'node:path';
import { loadKnowledgeBase, KnowledgeLoadError } from '../knowledge/knowledge-base.js';
import { documentExplanation } from '../knowledge/document-explanation.js';
import { loadTrainingFiles, TrainingDataError } from '../nlu/training-data.js';
import { INTENTS } from '../nlu/intents.js';
import { foldText } from '../text/fold.js';
import { DataFileError } from '../errors.js';
import { loadCommands } from '../nlu/commands.js';
import { loadLexicon } from '../nlu/vi/lexicon.js';
import { loadSituationReader } from '../nlu/situation/situation-reader.js';
import { selectProblems } from './validate-select.js';
import { loadReadyReplies, READY_REPLIES_FILE } from '../helpdesk/ready-replies.js';
import { loadSuperseded, type SupersededDocument } from '../knowledge/superseded.js';
import { staleProcedures, type StaleOptions, type StaleReason } from '../knowledge/stale-procedures.js';

export interface ValidationReport {
  /** Errors: the data cannot be used as it is. */
  problems: string[];
  /** Entries due for review: the data works, but its facts may be out of date. */
  warnings: string[];
  procedures: number;
  utterances: number;
}

/** Cross-checks knowledge and training data, the way `rasa data validate` does. */
export function validateData(knowledgeDir: string, intentsDir: string, review: StaleOptions): ValidationReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  let knownIds: Set<string> | null = null;
  let procedures = 0;
  let superseded: SupersededDocument[] = [];
  try {
    superseded = loadSuperseded(knowledgeDir);
  } catch (err) {
    if (err instanceof DataFileError) problems.push(err.message);
    else throw err;
  }
  try {
    const kb = loadKnowledgeBase(knowledgeDir);
    knownIds = new Set(kb.procedures.map((p) => p.id));
    problems.push(...situationProblems(intentsDir, (slots) => selectProblems(kb, slots)));
    procedures = kb.procedures.length;
    // The step-by-step guide answers "Giấy này là gì?" for every document.
    for (const p of kb.procedures) {
      p.cases.forEach((c, ci) => c.documents.forEach((d, di) => {
        if (!documentExplanation(p, d)) problems.push(`${p.id}: cases.${ci}.documents.${di} ("${d.name}"): add \`explain\` (what it is, where to get it), or explain a document of the same name`);
      }));
    }
    for (const stale of staleProcedures(kb, superseded, review)) {
      warnings.push(...stale.reasons.map((reason) => `${stale.id}: ${describeStaleReason(reason, review.reviewMonths)}`));
    }
  } catch (err) {
    if (err instanceof KnowledgeLoadError) problems.push(...err.errors.map((e) => e.message));
    else throw err;
  }
  let utterances = 0;
  try {
    const { examples } = loadTrainingFiles(intentsDir);
    utterances = examples.length;
    const seen = new Map<string, { intent: string; source: string }>();
    for (const ex of examples) {
      if (ex.procedure && knownIds && !knownIds.has(ex.procedure)) {
        problems.push(`${ex.source}: "${ex.text}": unknown procedure id "${ex.procedure}"`);
      }
      const key = foldText(ex.text);
      const other = seen.get(key);
      if (other && other.intent !== ex.intent) {
        problems.push(`${ex.source}: "${ex.text}" is labelled ${ex.intent} here and ${other.intent} in ${other.source}`);
      }
      seen.set(key, { intent: ex.intent, source: ex.source });
    }
    const present = new Set(examples.map((e) => e.intent));
    for (const intent of INTENTS) if (!present.has(intent)) problems.push(`${intentsDir}: intent "${intent}" has no utterances`);
  } catch (err) {
    if (err instanceof TrainingDataError) problems.push(...err.problems);
    else throw err;
  }
  problems.push(...commandProblems(intentsDir), ...readyReplyProblems(intentsDir));
  return { problems, warnings, procedures, utterances };
}

function describeStaleReason(reason: StaleReason, reviewMonths: number): string {
  if (reason.kind === 'review-overdue') {
    return `due for review since ${reason.dueAt} (reviewedAt ${reason.reviewedAt}, REVIEW_MONTHS=${reviewMonths})`;
  }
  const { document, replacedBy, since, scope } = reason.superseded;
  return `legalBasis.${reason.line} cites ${document}, replaced by ${replacedBy} since ${since}${scope ? ` (${scope})` : ''}`;
}

/** The situation cues (intents/situation/vi.yaml), and the knowledge's `select` data against them. */
function situationProblems(intentsDir: string, check: (slots: ReturnType<typeof loadSituationReader>['slots']) => string[]): string[] {
  try {
    return check(loadSituationReader(intentsDir, loadLexicon(path.join(intentsDir, 'lexicon', 'abbreviations.yaml'))).slots);
  } catch (err) {
    if (err instanceof DataFileError) return [err.message];
    throw err;
  }
}

/** The typed short replies: the schema, and no phrase under two commands. */
function commandProblems(intentsDir: string): string[] {
  const file = path.join(intentsDir, 'commands', 'vi.yaml');
  try {
    loadCommands(file, loadLexicon(path.join(intentsDir, 'lexicon', 'abbreviations.yaml')));
    return [];
  } catch (err) {
    if (err instanceof DataFileError) return [err.message];
    return [`${file}: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/** The help desk's ready-made replies: the schema. */
function readyReplyProblems(intentsDir: string): string[] {
  try {
    loadReadyReplies(path.join(intentsDir, ...READY_REPLIES_FILE));
    return [];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}
