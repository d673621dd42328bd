import { readFile } from 'node:fs/promises';
import { crossValidateSet } from './evaluate.js';
import { trainModel, type TrainEnvironment } from './model-codec.js';
import type { ModelFile } from './model-store.js';
import { writeFileAtomic } from '../store/write-file-atomic.js';
import type { WorkerMessage, WorkerReply, WorkerRequest, WorkerTask } from './worker-protocol.js';

// The training process: the server forks it (worker-client.ts) so that training and
// cross-validation, seconds of CPU, never hold up its event loop. It runs the jobs it is
// sent one at a time, writes the model and evaluation files itself and reports progress.
// It stays up between jobs (warm, a second training is faster) until the server stops it
// or goes away.

let env: TrainEnvironment | null = null;
let jobs: Promise<void> = Promise.resolve();

function send(reply: WorkerReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) resolve();
    else process.send(reply, undefined, {}, () => resolve());
  });
}

async function runTask(job: number, environment: TrainEnvironment, task: WorkerTask): Promise<void> {
  const emit = (message: WorkerMessage): Promise<void> => send({ ...message, job });
  const progress = (phase: 'training' | 'evaluating', done: number, total: number): Promise<void> =>
    emit({ type: 'progress', id: task.id, phase, done, total });
  let set;
  if (task.kind === 'train') {
    await progress('training', 0, 1);
    const started = Date.now();
    const { snapshot } = trainModel(environment, task.set);
    const trainMs = Date.now() - started;
    const file: ModelFile = { id: task.id, snapshot, trainingSet: task.set };
    await writeFileAtomic(task.modelFile, JSON.stringify(file));
    await emit({ type: 'trained', id: task.id, snapshot, trainMs });
    if (!task.evalFile) return;
    set = task.set;
  } else {
    set = (JSON.parse(await readFile(task.modelFile, 'utf8')) as ModelFile).trainingSet;
  }
  await progress('evaluating', 0, 1);
  const report = await crossValidateSet(environment, set, undefined, (done, total) => progress('evaluating', done, total));
  await writeFileAtomic(task.kind === 'train' ? task.evalFile ?? '' : task.evalFile, JSON.stringify(report));
  await emit({ type: 'evaluated', id: task.id, report });
}

async function runJob(job: number, tasks: WorkerTask[]): Promise<void> {
  for (const task of tasks) {
    try {
      if (!env) throw new Error('the training process got no environment');
      await runTask(job, env, task);
    } catch (err) {
      await send({ type: 'failed', job, id: task.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  await send({ type: 'done', job });
}

process.on('message', (request: WorkerRequest) => {
  if (request.type === 'env') env = request.env;
  else jobs = jobs.then(() => runJob(request.job, request.tasks));
});
// The server went away (or stopped this process): nothing left to do.
process.on('disconnect', () => process.exit(0));
