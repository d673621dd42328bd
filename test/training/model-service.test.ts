import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { AppError } from '../../src/errors.js';
import { dataFingerprint, knowledgeFingerprint, lexiconFingerprint } from '../../src/training/fingerprint.js';
import { evaluate } from '../../src/training/evaluation.js';
import { ModelService, type Workers } from '../../src/training/model-service.js';
import { FileModelStore } from '../../src/store/file/file-model-store.js';
import { FileTrainingEditStore } from '../../src/store/file/file-training-edit-store.js';
import { startModel } from '../../src/training/startup.js';
import { TrainingData } from '../../src/training/training-data.js';
import { TrainingWorkers } from '../../src/training/worker-client.js';
import type { WorkerMessage, WorkerTask } from '../../src/training/worker-protocol.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// A training that fails, crashes or yields an unusable model leaves the serving model in
// place and says why.

const { data: nlu } = projectRecognizer();
const env = { procedures: nlu.knowledge.procedures, lexicon: nlu.lexicon, options: {} };
let dir: string;

beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-service-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function service(workers: Workers, examples = nlu.examples): Promise<{ models: ModelService; data: TrainingData }> {
  const data = await TrainingData.open(await FileTrainingEditStore.open(dir, silentLogger), examples, nlu.knowledge);
  const store = await FileModelStore.open(dir, silentLogger);
  const k = knowledgeFingerprint(nlu.knowledge.procedures);
  const l = lexiconFingerprint(nlu.lexicon);
  const fingerprint = (set: Parameters<typeof dataFingerprint>[0]['set']): string => dataFingerprint({ knowledge: k, lexicon: l, options: {}, set });
  const set = await data.trainingSet();
  const serving = await startModel({ store, env, knowledge: nlu.knowledge, set, fingerprint: fingerprint(set), logger: silentLogger });
  return { models: new ModelService({ logger: silentLogger, store, data, workers, env, knowledge: nlu.knowledge, fingerprint }, serving), data };
}

const report = { ...evaluate([{ text: 'x', intents: ['none'], procedure: null }], () => ({ intent: 'none', procedure: null, entities: {} })), folds: 5 };

function fake(reply: (task: WorkerTask, send: (m: WorkerMessage) => void) => void): Workers {
  return {
    async run(tasks, onMessage) {
      for (const task of tasks) reply(task, onMessage);
    },
  };
}

describe('a training that goes wrong', () => {
  it.each<[string, Workers, RegExp]>([
    ['the training fails', fake((task, send) => send({ type: 'failed', id: task.id, message: 'out of memory' })), /Training failed \(out of memory\)/],
    ['the training process dies', { run: () => Promise.reject(new Error('the training process stopped (SIGKILL) before finishing')) }, /SIGKILL/],
    ['the model cannot be loaded', fake((task, send) => {
      if (task.kind !== 'train') return send({ type: 'evaluated', id: task.id, report });
      // What a process of another version could send: it crosses the IPC boundary untyped.
      send({ type: 'trained', id: task.id, trainMs: 1, snapshot: JSON.parse('{"format": 99}') });
      send({ type: 'evaluated', id: task.id, report });
    }), /unusable \(model format 99/],
  ])('keeps the serving model when %s, and says why', async (_name, workers, why) => {
    const { models, data } = await service(workers);
    const before = models.current();
    const servingId = models.servingId;
    await data.addUtterances([{ text: 'bé mới đẻ làm giấy gì', intent: 'procedure.info', procedure: 'dang-ky-khai-sinh' }]);
    const error = await models.train().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'TRAINING_FAILED', status: 422, message: expect.stringMatching(why) });
    expect(models.current()).toBe(before);
    expect(models.servingId).toBe(servingId);
    expect(models.status()).toMatchObject({ state: 'idle', last: { ok: false } });
    expect((await models.list()).every((m) => m.status !== 'candidate')).toBe(true);
  });

  it('refuses to train when an intent has no utterance left, before starting the process', async () => {
    let started = false;
    const { models } = await service({ run: async () => { started = true; } }, nlu.examples.filter((e) => e.intent !== 'goodbye'));
    await expect(models.train()).rejects.toMatchObject({ code: 'TRAINING_FAILED', message: expect.stringMatching(/Intent goodbye has no utterance left: add one/) });
    expect(started).toBe(false);
  });

  it('stops a running training when the server shuts down', async () => {
    const workers = new TrainingWorkers(env, { kind: 'files', dataDir: dir });
    const set = { utterances: nlu.examples.map((e, i) => ({ id: `f${i}`, text: e.text, intent: e.intent, procedure: e.procedure, origin: 'file' as const })), aliases: [] };
    const running = workers.run([{ kind: 'train', id: 'x', set, evaluate: false }], () => {});
    workers.close();
    await expect(running).rejects.toThrow(/shutting down/);
    await expect(workers.run([], () => {})).rejects.toThrow(/shutting down/);
  });
});
