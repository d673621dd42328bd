import { openModelFiles } from '../store/open-stores.js';
import type { ModelFiles } from '../store/model-store.js';
import { crossValidate } from './evaluation.js';
import { modelFileSchema, trainModel, type ModelFile, type TrainEnvironment } from './model-codec.js';
import type { WorkerMessage, WorkerReply, WorkerRequest, WorkerTask } from './worker-protocol.js';

// The training process: the server forks it (worker-client.ts) so that training and
// cross-validation, seconds of CPU, never hold up its event loop. It runs the jobs it is
// sent one at a time, keeps the models and evaluations itself (in the model store the server
// names) and reports progress. It stays up between jobs (warm, a second training is faster)
// until the server stops it or goes away.

let setup: Promise<{ env: TrainEnvironment; models: ModelFiles }> | null = null;
let jobs: Promise<void> = Promise.resolve();

function send(reply: WorkerReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) resolve();
    else process.send(reply, undefined, {}, () => resolve());
  });
}

async function runTask(job: number, env: TrainEnvironment, models: ModelFiles, task: WorkerTask): Promise<void> {
  const emit = (message: WorkerMessage): Promise<void> => send({ ...message, job });
  const progress = (phase: 'training' | 'evaluating', done: number, total: number): Promise<void> =>
    emit({ type: 'progress', id: task.id, phase, done, total });
  let set;
  if (task.kind === 'train') {
    await progress('training', 0, 1);
    const started = Date.now();
    const { snapshot } = trainModel(env, task.set);
    const trainMs = Date.now() - started;
    const file: ModelFile = { id: task.id, snapshot, trainingSet: task.set };
    await models.saveModel(task.id, file);
    await emit({ type: 'trained', id: task.id, snapshot, trainMs });
    if (!task.evaluate) return;
    set = task.set;
  } else {
    set = modelFileSchema.parse(await models.readModel(task.id)).trainingSet;
  }
  await progress('evaluating', 0, 1);
  const report = await crossValidate(env, set, undefined, (done, total) => progress('evaluating', done, total));
  await models.saveEvaluation(task.id, report);
  await emit({ type: 'evaluated', id: task.id, report });
}

async function runJob(job: number, tasks: WorkerTask[]): Promise<void> {
  for (const task of tasks) {
    try {
      if (!setup) throw new Error('the training process got no environment');
      const { env, models } = await setup;
      await runTask(job, env, models, task);
    } catch (err) {
      await send({ type: 'failed', job, id: task.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  await send({ type: 'done', job });
}

process.on('message', (request: WorkerRequest) => {
  if (request.type === 'env') {
    const { env, store } = request;
    setup = openModelFiles(store).then((models) => ({ env, models }));
  } else {
    jobs = jobs.then(() => runJob(request.job, request.tasks));
  }
});
// The server went away (or stopped this process): nothing left to do.
process.on('disconnect', () => process.exit(0));
