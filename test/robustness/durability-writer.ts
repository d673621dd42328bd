// A child process for the SIGKILL test: writes to every lowdb store in a loop, in parallel
// batches, and prints `ack <store> <key>` only once a write has resolved. The test kills it at
// random moments and checks that every acknowledged write is on disk.
//   node --import tsx test/robustness/durability-writer.ts <dataDir> <run>
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { LowdbStorage } from '../../src/store/lowdb-storage.js';
import { ConversationStore } from '../../src/directline/conversation-store.js';

const [dataDir, run] = process.argv.slice(2);
if (!dataDir || !run) throw new Error('usage: durability-writer <dataDir> <run>');

const BATCH = 4;

async function main(): Promise<void> {
  const state = await LowdbStorage.open(path.join(dataDir!, 'bot-state.json'), silentLogger);
  // No trimming of the log here: every acknowledged activity must stay to be checked.
  const conversations = await ConversationStore.open(path.join(dataDir!, 'directline'), silentLogger, { maxActivities: 1e6, maxLogBytes: 1e9 });
  const conversation = await conversations.create({ id: `user-${run}` });
  process.stdout.write(`conversation ${conversation.id}\n`);

  const writers: Array<(key: string) => Promise<void>> = [
    async (key) => { await state.write({ [key]: { run, key } }); process.stdout.write(`ack state ${key}\n`); },
    async (key) => { await conversations.append(conversation.id, { type: 'message', text: key }); process.stdout.write(`ack activity ${conversation.id}/${key}\n`); },
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
