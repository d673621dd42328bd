import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { KnowledgeService, vietnamDate, type KnowledgeChange } from '../../src/knowledge/knowledge-service.js';
import { patchProcedure } from '../../src/knowledge/procedure-patch.js';
import { silentLogger } from '../../src/log/logger.js';
import { FileKnowledgeEditStore } from '../../src/store/file/file-knowledge-edit-store.js';
import type { KnowledgeEditStore } from '../../src/store/knowledge-edit-store.js';

// The knowledge served: the files with the newest staff version of each procedure over them,
// applied in one place (refresh) at start-up, after an edit, and when another process says so.

const { KNOWLEDGE_DIR } = loadConfig({});
const editor = { actor: 'admin' };
let dir: string;
let store: FileKnowledgeEditStore;
let knowledge: KnowledgeBase;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dvc-knowledge-service-'));
  store = await FileKnowledgeEditStore.open(dir, silentLogger);
  knowledge = loadKnowledgeBase(KNOWLEDGE_DIR);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the knowledge served with staff edits', () => {
  it('swaps the edited procedure into the one knowledge base, leaving a list already read as it was', async () => {
    const service = await KnowledgeService.open(knowledge, store, silentLogger);
    const listBefore = knowledge.procedures;
    const before = knowledge.get('dang-ky-khai-sinh')!;
    await service.edit('dang-ky-khai-sinh', { agency: 'UBND cấp xã nơi cư trú' }, editor);
    expect(knowledge.get('dang-ky-khai-sinh')?.agency).toBe('UBND cấp xã nơi cư trú');
    expect(knowledge.procedures).not.toBe(listBefore);
    expect(listBefore.find((p) => p.id === 'dang-ky-khai-sinh')).toBe(before);
    expect(knowledge.procedures.map((p) => p.id)).toEqual(listBefore.map((p) => p.id));
  });

  it('serves a version another process kept once refresh is called, and tells the listeners what changed', async () => {
    const service = await KnowledgeService.open(knowledge, store, silentLogger);
    const heard: KnowledgeChange[] = [];
    service.onChange((change) => { heard.push(change); });
    const current = knowledge.get('dang-ky-tam-tru')!;
    // What another process sharing the store would have kept.
    const { procedure } = patchProcedure(current, { steps: ['Nộp hồ sơ trực tuyến', 'Nhận kết quả'] }, { today: '2026-12-07', exists: () => true });
    await store.append('dang-ky-tam-tru', () => ({ at: '2026-12-07T01:00:00.000Z', actor: 'admin', fields: ['steps'], procedure }));
    expect(knowledge.get('dang-ky-tam-tru')?.steps).toEqual(current.steps);
    const change = { ids: ['dang-ky-tam-tru'], fields: ['steps'], before: [current] };
    expect(await service.refresh(['dang-ky-tam-tru'])).toEqual(change);
    expect(knowledge.get('dang-ky-tam-tru')?.steps).toEqual(['Nộp hồ sơ trực tuyến', 'Nhận kết quả']);
    expect(heard).toEqual([change]);
    expect(service.get('dang-ky-tam-tru').version).toBe(1);
    // Nothing new: nothing announced.
    await service.refresh();
    expect(heard).toHaveLength(1);
  });

  it('applies the kept edits at start-up, and serves the files\' version of one that no longer passes the schema', async () => {
    const first = await KnowledgeService.open(knowledge, store, silentLogger);
    await first.edit('dang-ky-ket-hon', { caveats: ['Mang theo thẻ căn cước.'] }, editor);
    await store.append('dang-ky-khai-tu', () => ({ at: '2026-12-07T01:00:00.000Z', actor: 'admin', fields: ['name'], procedure: { id: 'dang-ky-khai-tu', name: '' } }));
    const fresh = loadKnowledgeBase(KNOWLEDGE_DIR);
    const service = await KnowledgeService.open(fresh, store, silentLogger);
    expect(fresh.get('dang-ky-ket-hon')?.caveats).toEqual(['Mang theo thẻ căn cước.']);
    expect(fresh.get('dang-ky-khai-tu')?.name).toBe('Đăng ký khai tử');
    expect(service.editedIds()).toEqual(new Set(['dang-ky-ket-hon', 'dang-ky-khai-tu']));
    // A revert to a version that no longer passes the schema is refused, naming the field.
    await expect(service.revert('dang-ky-khai-tu', 1, editor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps a procedure as it was when a change is refused, and makes no version', async () => {
    const service = await KnowledgeService.open(knowledge, store, silentLogger);
    const before = knowledge.get('dang-ky-khai-sinh');
    await expect(service.edit('dang-ky-khai-sinh', { cases: [] }, editor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'cases' } });
    expect(knowledge.get('dang-ky-khai-sinh')).toBe(before);
    expect(await store.history('dang-ky-khai-sinh')).toEqual([]);
  });

  it('reverts to the files\' version as "as the files have it", so a later change of the files shows', async () => {
    const service = await KnowledgeService.open(knowledge, store, silentLogger);
    await service.edit('dang-ky-khai-sinh', { agency: 'Khác' }, editor);
    const reverted = await service.revert('dang-ky-khai-sinh', 0, editor);
    expect(reverted).toMatchObject({ version: 2, fields: ['agency'] });
    expect((await store.history('dang-ky-khai-sinh'))[0]).toMatchObject({ version: 2, revertOf: 0, procedure: null });
    expect(knowledge.get('dang-ky-khai-sinh')?.agency).toBe(loadKnowledgeBase(KNOWLEDGE_DIR).get('dang-ky-khai-sinh')?.agency);
  });

  it('answers CONFLICT when the version the editor started from is no longer the newest', async () => {
    const service = await KnowledgeService.open(knowledge, store, silentLogger);
    await service.edit('dang-ky-khai-sinh', { agency: 'Một' }, editor, { expectVersion: 0 });
    await expect(service.edit('dang-ky-khai-sinh', { agency: 'Hai' }, editor, { expectVersion: 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(knowledge.get('dang-ky-khai-sinh')?.agency).toBe('Một');
  });

  it('serves nothing of a change the store could not keep, and answers its error', async () => {
    const failing: KnowledgeEditStore = { latest: () => store.latest(), history: (id) => store.history(id), close: () => store.close(), append: () => Promise.reject(new Error('disk full')) };
    const service = await KnowledgeService.open(knowledge, failing, silentLogger);
    const before = knowledge.get('dang-ky-khai-sinh');
    await expect(service.edit('dang-ky-khai-sinh', { agency: 'Khác' }, editor)).rejects.toThrow('disk full');
    expect(knowledge.get('dang-ky-khai-sinh')).toBe(before);
  });

  it.each([
    ['just after midnight in Vietnam', '2026-12-06T17:30:00.000Z', '2026-12-07'],
    ['late in the evening in Vietnam', '2026-12-07T16:59:00.000Z', '2026-12-07'],
  ])('dates a review by the day in Vietnam, %s', (_name, iso, day) => {
    expect(vietnamDate(new Date(iso))).toBe(day);
  });
});
