import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log/logger.js';
import { ANALYTICS_DIR, FileAnalyticsStore } from '../../src/store/file/file-analytics-store.js';
import { describeAnalyticsStore, message } from './contract/analytics-store.contract.js';
import { fileHarness } from './contract/harness.js';

describeAnalyticsStore('FileAnalyticsStore', fileHarness('analytics', (dir) => FileAnalyticsStore.open(dir, silentLogger)));

describe('FileAnalyticsStore', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-analytics-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const events = (date: string) => path.join(dir, ANALYTICS_DIR, `events-${date}.jsonl`);

  it('appends the events of each day as JSON lines to an owner-only file of that day, with its figures beside it', async () => {
    const store = await FileAnalyticsStore.open(dir, silentLogger);
    await store.append([message('2026-11-22T03:00:00.000Z'), message('2026-11-23T03:00:00.000Z')]);
    await store.append([message('2026-11-23T04:00:00.000Z')]);
    await store.close();
    expect(readdirSync(path.join(dir, ANALYTICS_DIR)).sort()).toEqual([
      'day-2026-11-22.json', 'day-2026-11-23.json', 'events-2026-11-22.jsonl', 'events-2026-11-23.jsonl',
    ]);
    const lines = readFileSync(events('2026-11-23'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.at)).toEqual(['2026-11-23T03:00:00.000Z', '2026-11-23T04:00:00.000Z']);
    expect(statSync(events('2026-11-23')).mode & 0o777).toBe(0o600);
  });

  it('folds a day again from its events when its figures lag behind (a crash between the two writes) or a line is torn', async () => {
    let store = await FileAnalyticsStore.open(dir, silentLogger);
    await store.append([message('2026-11-22T03:00:00.000Z')]);
    await store.close();
    // Events written after the figures, and a line cut short by a crash.
    appendFileSync(events('2026-11-22'), `${JSON.stringify(message('2026-11-22T03:01:00.000Z', { intent: 'none', understood: false }))}\n{"at":"2026-11-2`);
    store = await FileAnalyticsStore.open(dir, silentLogger);
    expect((await store.days('2026-11-22', '2026-11-22'))[0]).toMatchObject({ messages: 2, understood: 1 });
    // The next event starts on a line of its own and is counted.
    await store.append([message('2026-11-22T03:02:00.000Z')]);
    await store.close();
    store = await FileAnalyticsStore.open(dir, silentLogger);
    expect((await store.days('2026-11-22', '2026-11-22'))[0]).toMatchObject({ messages: 3, understood: 2 });
  });

  it('rebuilds figures that were deleted or damaged from the events', async () => {
    const store = await FileAnalyticsStore.open(dir, silentLogger);
    await store.append([message('2026-11-20T03:00:00.000Z'), message('2026-11-21T03:00:00.000Z')]);
    await store.close();
    rmSync(path.join(dir, ANALYTICS_DIR, 'day-2026-11-20.json'));
    appendFileSync(path.join(dir, ANALYTICS_DIR, 'day-2026-11-21.json'), 'garbage');
    const reopened = await FileAnalyticsStore.open(dir, silentLogger);
    expect((await reopened.days('2026-11-20', '2026-11-21')).map((d) => d.messages)).toEqual([1, 1]);
  });
});
