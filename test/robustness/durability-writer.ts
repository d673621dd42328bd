// A child process for the SIGKILL test: writes to every store (conversation state, Direct Line
// logs, misunderstood inbox, staff labels, audit log) in a loop, in parallel
// batches, and prints `ack <store> <key>` only once a write has resolved. The test kills it at
// random moments and checks that every acknowledged write is kept (in files, or in
// PostgreSQL when DATABASE_URL is set).
//   node --import tsx test/robustness/durability-writer.ts <dataDir> <run>
import { silentLogger } from '../../src/log/logger.js';
import { loadConfig } from '../../src/config.js';
import { loadNluData } from '../../src/nlu/load.js';
import type { ParseResult } from '../../src/nlu/recognizer.js';
import { Inbox } from '../../src/inbox/inbox.js';
import { TrainingData } from '../../src/training/training-data.js';
import { AuditLog } from '../../src/helpdesk/audit-log.js';
import { openDurableStores } from './durability-stores.js';

const [dataDir, run] = process.argv.slice(2);
if (!dataDir || !run) throw new Error('usage: durability-writer <dataDir> <run>');

const BATCH = 4;

async function main(): Promise<void> {
  const stores = await openDurableStores(dataDir!, process.env.DATABASE_URL || undefined);
  const { state, activities: conversations } = stores;
  const conversation = await conversations.create({ id: `user-${run}` });
  process.stdout.write(`conversation ${conversation.id}\n`);
  const config = loadConfig({});
  const nlu = loadNluData(config.KNOWLEDGE_DIR, config.INTENTS_DIR);
  const inbox = new Inbox(stores.inbox, silentLogger);
  const labels = await TrainingData.open(stores.trainingEdits, nlu.examples, nlu.knowledge);
  const audit = new AuditLog(stores.audit, silentLogger);
  const misunderstood = (text: string): ParseResult => ({
    text, intent: 'none', confidence: 0.1, procedure: null, entities: {}, intents: [], procedures: [], ambiguous: null, tokens: [],
  });

  const writers: Array<(key: string) => Promise<void>> = [
    async (key) => { await state.write({ [key]: { run, key } }); process.stdout.write(`ack state ${key}\n`); },
    async (key) => { await conversations.append(conversation.id, { type: 'message', text: key }); process.stdout.write(`ack activity ${conversation.id}/${key}\n`); },
    async (key) => { inbox.record(misunderstood(`câu hỏi lạ ${key}`), conversation.id); await inbox.flush(); process.stdout.write(`ack inbox ${key}\n`); },
    async (key) => { await labels.addUtterances([{ text: `xin chào thử ${key}`, intent: 'greeting', procedure: null }]); process.stdout.write(`ack label ${key}\n`); },
    async (key) => { await audit.record({ action: 'dossier.view', actor: 'helpdesk', target: key, outcome: 'ok' }); process.stdout.write(`ack audit ${key}\n`); },
  ];
  for (let i = 0; ; i += 1) {
    const batch: Array<Promise<void>> = [];
    for (let j = 0; j < BATCH; j += 1) {
      const key = `${run}-${i}-${j}`;
      for (const write of writers) batch.push(write(key));
    }
    await Promise.all(batch);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`writer failed: ${String(err)}\n`);
  process.exit(1);
});
