import { readFile } from 'node:fs/promises';
import { crossValidateSet } from './evaluate.js';
import { trainModel, type TrainEnvironment } from './model-codec.js';
import { writeFileAtomic, type ModelFile } from './model-store.js';
import type { WorkerMessage, WorkerRequest, WorkerTask } from './worker-protocol.js';

// The training process: the server forks it (worker-client.ts) so that training and
// cross-validation, seconds of CPU, never hold up its event loop. It runs the tasks it is
// sent, writes the model and evaluation files itself, reports progress, and exits.

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

async function runTask(env: TrainEnvironment, task: WorkerTask): Promise<void> {
  const progress = (phase: 'training' | 'evaluating', done: number, total: number): Promise<void> =>
    send({ type: 'progress', id: task.id, phase, done, total });
  let set;
  if (task.kind === 'train') {
    await progress('training', 0, 1);
    const started = Date.now();
    const { snapshot } = trainModel(env, task.set);
    const trainMs = Date.now() - started;
    const file: ModelFile = { id: task.id, snapshot, trainingSet: task.set };
    await writeFileAtomic(task.modelFile, JSON.stringify(file));
    await send({ type: 'trained', id: task.id, snapshot, trainMs });
    if (!task.evalFile) return;
    set = task.set;
  } else {
    set = (JSON.parse(await readFile(task.modelFile, 'utf8')) as ModelFile).trainingSet;
  }
  await progress('evaluating', 0, 1);
  const report = await crossValidateSet(env, set, undefined, (done, total) => progress('evaluating', done, total));
  await writeFileAtomic(task.kind === 'train' ? task.evalFile ?? '' : task.evalFile, JSON.stringify(report));
  await send({ type: 'evaluated', id: task.id, report });
}

process.once('message', (request: WorkerRequest) => {
  void (async () => {
    for (const task of request.tasks) {
      try {
        await runTask(request.env, task);
      } catch (err) {
        await send({ type: 'failed', id: task.id, message: err instanceof Error ? err.message : String(err) });
      }
    }
    await send({ type: 'done' });
    process.exit(0);
  })();
});
