import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { catalogueSection } from './catalogue.js';

export type Figure = { metric: string; procedures: number | null } & Record<string, number | string | null | number[]>;

interface Aim {
  aim: string;
  figure: string;
  /** Two answers where the aim is read two ways. */
  met: boolean | [boolean, boolean];
}

const connections = (f: Figure | undefined): string => {
  const n = num(f, 'connections');
  return `${n} connection${n === 1 ? '' : 's'}`;
};
const yesNo = (met: boolean): string => (met ? 'yes' : '**no**');

const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;
const aimRows = (aims: Aim[]): string[] => aims.map((a) => row([a.aim, a.figure, Array.isArray(a.met) ? a.met.map(yesNo).join('; ') : yesNo(a.met)]));

const num = (f: Figure | undefined, key: string): number => (typeof f?.[key] === 'number' ? (f[key] as number) : NaN);

/** Figures of an earlier run, one JSON object per line, as `npm run bench` prints them. */
export function readFigures(file: string): Figure[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as Figure);
}

/** Writes bench/RESULTS.md from the figures of one run, next to those of a baseline run when there is one. */
export function writeResults(
  file: string,
  figures: Figure[],
  about: { questions: string; count: number; seconds: number; baseline?: { figures: Figure[]; label: string } },
): void {
  const sizes = [...new Set(figures.map((f) => f.procedures).filter((p): p is number => typeof p === 'number'))].sort((a, b) => a - b);
  const large = sizes.at(-1) ?? 0;
  const find = (metric: string, procedures: number): Figure | undefined => figures.find((f) => f.metric === metric && f.procedures === procedures);
  const all = (metric: string): Figure[] => figures.filter((f) => f.metric === metric);
  const machine = all('machine')[0];
  const end = all('bench')[0];

  const bestLoad = (metric: string): Figure | undefined => all(metric)
    .filter((f) => num(f, 'errors') === 0 && num(f, 'p99_ms') <= 50)
    .sort((a, b) => num(b, 'rps') - num(a, 'rps'))[0];
  const parse = find('parse', large);
  const vs = find('parse-vs-fuse', large);
  const cold = find('cold-start', large);
  const rss = find('rss', large);
  const http = bestLoad('http-parse');
  const dl = bestLoad('directline');
  const aims: Aim[] = [
    { aim: `parse p99 ≤ 2 ms at ${large} procedures`, figure: `${num(parse, 'p99_ms')} ms (p50 ${num(parse, 'p50_ms')} ms)`, met: num(parse, 'p99_ms') <= 2 },
    { aim: '≥ 10× faster than plain fuse.js, same catalogue, same run', figure: `${num(vs, 'p50_x')}× at p50, ${num(vs, 'p99_x')}× at p99`, met: num(vs, 'p50_x') >= 10 && num(vs, 'p99_x') >= 10 },
    {
      aim: `cold start ≤ 2 s at ${large} procedures (restart with the saved model; first start trains)`,
      figure: `${num(cold, 'ms')} ms (median of ${(cold?.runs as number[] | undefined)?.length ?? 0}); first start ${num(find('first-start', large), 'ms')} ms`,
      met: num(cold, 'ms') <= 2000,
    },
    { aim: `RSS ≤ 250 MB at ${large} procedures (after start; peak under load)`, figure: `${num(rss, 'rss_mb')} MB after start, ${num(rss, 'peak_mb')} MB peak under load`, met: [num(rss, 'rss_mb') <= 250, num(rss, 'peak_mb') <= 250] },
    { aim: '≥ 1,500 msg/s through POST /api/parse, 0 errors, p99 ≤ 50 ms', figure: http ? `${num(http, 'rps')} msg/s at ${connections(http)}, p99 ${num(http, 'p99_ms')} ms` : 'no level with 0 errors and p99 ≤ 50 ms', met: num(http, 'rps') >= 1500 },
    { aim: '≥ 800 msg/s through Direct Line, 0 errors, p99 ≤ 50 ms (one process on files, polling)', figure: dl ? `${num(dl, 'rps')} msg/s at ${connections(dl)}, p99 ${num(dl, 'p99_ms')} ms` : 'no level with 0 errors and p99 ≤ 50 ms', met: num(dl, 'rps') >= 800 },
    ...scaleAims(figures),
  ];

  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine?.cpus ?? cpus().length} CPUs, Node ${String(machine?.node ?? process.version)}, `
      + `load average ${String(machine?.load_1m ?? '?')} at the start and ${String(end?.load_1m ?? '?')} at the end (${String(end?.seconds ?? '?')} s in all). `
      + 'Figures from a machine busy with other work are noisy, latencies most of all; re-run on a quiet machine before comparing.',
    '',
    '## Aims',
    '',
    row(['aim', 'this run', 'met']),
    row(['---', '---', '---']),
    ...aimRows(aims),
    '',
    '## Understanding (in process)',
    '',
    `Parse of one message over the ${about.count} questions of ${about.questions}, 20 rounds after 3 warm-up rounds; `
      + '"typos": 5 misspelt copies of each question, each parsed once, so the typo corrector meets words it has not seen. '
      + 'The reference is fuse.js as documented (keys name and aliases, `ignoreDiacritics`) asked the whole question over the same catalogue; '
      + 'at full size one search takes seconds, so it stops after an 8 s budget (at least 3 questions).',
    '',
    row(['procedures', 'load ms', 'train ms', 'parse p50 / p99 ms (mean CPU ms)', 'typos p50 / p99 ms', 'fuse.js p50 / p99 ms (n)', 'speed-up p50 / p99', 'intent / procedure accuracy', 'fuse.js procedure accuracy']),
    row(['---', '---', '---', '---', '---', '---', '---', '---', '---']),
    ...sizes.map((p) => {
      const [pa, ty, fu, x, acc] = ['parse', 'parse-typos', 'fuse-plain', 'parse-vs-fuse', 'accuracy'].map((m) => find(m, p));
      return row([p, num(find('load', p), 'ms'), num(find('train', p), 'ms'),
        `${num(pa, 'p50_ms')} / ${num(pa, 'p99_ms')} (${num(pa, 'cpu_ms_mean')})`, `${num(ty, 'p50_ms')} / ${num(ty, 'p99_ms')}`,
        `${num(fu, 'p50_ms')} / ${num(fu, 'p99_ms')} (${num(fu, 'samples')})`, `${num(x, 'p50_x')}× / ${num(x, 'p99_x')}×`,
        `${pct(num(acc, 'intent'))} / ${pct(num(acc, 'procedure'))}`, pct(num(acc, 'fuse_procedure'))]);
    }),
    '',
    '## The server process',
    '',
    'Cold start: from spawning what `npm start` runs (`node` with the start script\'s flags on the bundle dist/index.cjs) to the first answer '
      + 'of `POST /api/parse`. First start: on an empty DATA_DIR, so it reads every YAML file, trains and saves the model and the '
      + 'knowledge cache. Restart: the median of 3 starts on that DATA_DIR, which load the saved model and the cache, as a server '
      + 'does after a deploy or a crash. The CPU time (user and system) is steadier than the wall time on a busy machine. '
      + 'RSS of the server process after the last start, and its peak after the load runs.',
    '',
    row(['procedures', 'first start ms (CPU ms)', 'restart ms (runs)', 'restart CPU ms', 'RSS MB', 'peak RSS MB']),
    row(['---', '---', '---', '---', '---', '---']),
    ...sizes.map((p) => {
      const f = find('first-start', p);
      const c = find('cold-start', p);
      const r = find('rss', p);
      return row([p, `${num(f, 'ms')} (${num(f, 'cpu_ms')})`, `${num(c, 'ms')} (${((c?.runs as number[] | undefined) ?? []).join(', ')})`, num(c, 'cpu_ms'), num(r, 'rss_mb'), num(r, 'peak_mb')]);
    }),
    '',
    `## Throughput at ${large} procedures`,
    '',
    `autocannon in the bench process, ${about.seconds} s per level after a 2 s warm-up, on the same machine as the server. `
      + '`http-parse`: `POST /api/parse` with the questions in turn. `directline`: each client starts a conversation, then four times '
      + 'posts a question and polls once for the reply (as web chat does without WebSocket); a message counts when its reply is read, '
      + 'and its latency runs from sending the question to reading the reply. Errors: connection errors, timeouts, non-2xx answers, replies not found. '
      + 'Server CPU per message (its CPU time over the run divided by the messages answered) tells what one core can carry when the machine is busy: 1000 / that figure.',
    '',
    row(['route', 'connections', 'msg/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU ms/msg']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...[...all('http-parse'), ...all('directline')].map((f) => row([f.metric, num(f, 'connections'), num(f, 'rps'), num(f, 'p50_ms'), num(f, 'p99_ms'), num(f, 'errors'), num(f, 'server_cpu_ms_per_msg')])),
    '',
    ...inboxSection(figures),
    ...analyticsSection(figures),
    ...scaleSection(figures),
    ...(about.baseline?.figures.length ? compare(about.baseline, figures, sizes) : []),
    '## Reading the figures',
    '',
    '- On a machine busy with other work, p99 latencies mostly measure the scheduler (a p50 well under a millisecond next to a p99 of several); '
      + 'the mean CPU time per parse and the server CPU per message are the steadier figures.',
    '- A restart has a floor that does not depend on the catalogue: starting Node and loading botbuilder and restify '
      + '(compare the two sizes); the rest is reading the knowledge cache and rebuilding the matcher\'s index from the saved model. '
      + 'A first start also reads and checks every YAML file and trains.',
    '- Peak RSS under load is the V8 heap growing under sustained allocation past the live heap (near 100 MB at 6,842 procedures); '
      + 'the start script\'s `--heap-growing-percent=30` keeps it to 30% over what the last full collection kept (README, "Memory").',
    '- A Direct Line message costs several times a bare parse: two HTTP requests, a botbuilder turn, and two writes: '
      + 'an append to the conversation\'s file and one to the conversation state\'s file (rewritten with its last state once past 16 KB).',
    '',
    'Raw figures: the JSON lines `npm run bench` prints.',
    '',
  ];
  writeFileSync(file, [...lines, ...catalogueSection(figures), ''].join('\n'));
}

const INBOX_HEADING = '## Recording a question in a full inbox';

/** The inbox section (`npm run bench -- inbox` runs and rewrites this section alone). */
export function inboxSection(figures: Figure[]): string[] {
  const f = figures.find((x) => x.metric === 'inbox-record');
  if (!f) return [];
  return [
    INBOX_HEADING,
    '',
    `${num(f, 'items')} misunderstood questions kept, then ${num(f, 'records')} more recorded one at a time as the bot records them `
      + '(in process, real files in a temp dir). The inbox is an append-only log: recording one question appends one line; '
      + 'the log is compacted (rewritten in chunks of 500) once it holds twice the questions kept, and that happened during the run. '
      + 'The event loop is timed turn by turn (setImmediate to setImmediate) for the whole run, in the CPU time the process used '
      + '(the work that held the loop, garbage collection included) and in wall time (which also counts the time the machine gave to other '
      + 'processes). The last column is what rewriting the whole inbox file once cost, as every flush did before (a copy and a JSON '
      + 'serialisation of every question).',
    '',
    '| record p50 / p99 ms (until kept) | loop turn CPU p99 / max ms | loop turn wall p99 / max ms | whole-file rewrite (before) ms |',
    '| --- | --- | --- | --- |',
    `| ${num(f, 'record_p50_ms')} / ${num(f, 'record_p99_ms')} | ${num(f, 'turn_cpu_p99_ms')} / ${num(f, 'turn_cpu_max_ms')} | ${num(f, 'turn_wall_p99_ms')} / ${num(f, 'turn_wall_max_ms')} | ${num(f, 'whole_file_rewrite_ms')} |`,
    '',
  ];
}

const ANALYTICS_HEADING = '## Recording analytics in a turn';

/** The analytics section (`npm run bench -- analytics` runs and rewrites this section alone). */
export function analyticsSection(figures: Figure[]): string[] {
  const f = figures.find((x) => x.metric === 'analytics-turn');
  if (!f) return [];
  return [
    ANALYTICS_HEADING,
    '',
    `${num(f, 'turns')} questions through three DvcBots on the Bot Framework TestAdapter (${num(f, 'procedures')} procedures, ${num(f, 'conversations')} conversations, `
      + 'conversation state in files), in rotating blocks: one without analytics, one that notes each turn and keeps the answers for votes '
      + 'but throws the events away, one that records them on the embedded file store (hashed, buffered, and written in batches of the day\'s '
      + 'events and figures, forced at the end of each block so that they count). CPU time per turn; each difference is the median of the '
      + 'per-block differences (a machine shared with other work makes single blocks noisy). Then the recording alone, without a bot: one '
      + '`Analytics.record` call, and one with its share of the batched write (batches of 100 events).',
    '',
    '| turn CPU ms without | noting the turn, ms | recording the event, ms | all of analytics, ms per turn | record() µs | record and write µs |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${num(f, 'turn_cpu_ms')} | ${num(f, 'noting_ms')} | ${num(f, 'recording_ms')} | ${num(f, 'added_ms')} | ${num(f, 'record_us')} | ${num(f, 'record_write_us')} |`,
    '',
  ];
}

/** Replaces (or adds, before "Reading the figures") the inbox section of RESULTS.md. */
export function writeInboxSection(file: string, figures: Figure[]): void {
  replaceSection(file, INBOX_HEADING, inboxSection(figures));
}

/** Replaces (or adds, before "Reading the figures") the analytics section of RESULTS.md. */
export function writeAnalyticsSection(file: string, figures: Figure[]): void {
  replaceSection(file, ANALYTICS_HEADING, analyticsSection(figures));
}

/** Replaces (or adds, before "Reading the figures") the Direct Line scale section of RESULTS.md. */
export function writeScaleSection(file: string, figures: Figure[]): void {
  replaceSection(file, SCALE_HEADING, scaleSection(figures));
}

/** Replaces the section of RESULTS.md under `heading` (up to the next one), or adds it before "Reading the figures". */
function replaceSection(file: string, heading: string, lines: string[]): void {
  const section = `${lines.join('\n')}\n`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const start = text.indexOf(heading);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + heading.length);
    writeFileSync(file, `${text.slice(0, start)}${section}${next >= 0 ? text.slice(next + 1) : ''}`);
    return;
  }
  const reading = text.indexOf('## Reading the figures');
  writeFileSync(file, reading >= 0 ? `${text.slice(0, reading)}${section}${text.slice(reading)}` : `${text}\n${section}`);
}

const SCALE_HEADING = '## Direct Line on files and PostgreSQL, one process and two';

const text = (f: Figure, key: string): string => String(f[key] ?? '');

/** The load average the scale section ran under, from its `scale-machine` figure. */
function machineLoad(figures: Figure[]): string {
  const f = figures.find((x) => x.metric === 'scale-machine');
  return f ? `this run: load average ${num(f, 'load_start')} at the start, ${num(f, 'load_end')} at the end, on ${num(f, 'cpus')} cores` : 'load average unknown';
}

/** Whether the machine was quiet when the scale section started: nothing but the bench ran (a load under half a core). */
function quietMachine(figures: Figure[]): boolean {
  const f = figures.find((x) => x.metric === 'scale-machine');
  return f !== undefined && Number(f.load_start) < 0.5;
}

/** The scale section (`npm run bench -- scale` runs and rewrites this section alone). */
export function scaleSection(figures: Figure[]): string[] {
  const load = figures.filter((f) => f.metric === 'directline-scale');
  const idle = figures.filter((f) => f.metric === 'idle-chats');
  if (!load.length && !idle.length) return [];
  return [
    SCALE_HEADING,
    '',
    row(['aim', 'this run', 'met']),
    row(['---', '---', '---']),
    ...aimRows(scaleAims(figures)),
    '',
    'Whole chats through Direct Line, with a client written for it in the bench process (node:http and ws, lighter than autocannon), on the same 2 cores '
      + 'as the server and the database. Each client starts a conversation and asks four questions one after the other; `poll`: after each question '
      + 'one poll that must find the answer (Web Chat with `webSocket: false`); `stream`: the answer is read from the conversation\'s WebSocket '
      + '(Web Chat\'s default). A message counts once its answer is read; latency runs from posting the question to reading the answer. '
      + 'PostgreSQL is a throwaway cluster on this machine with its durable defaults (fsync, synchronous commit); `WORKERS=2` is one primary and two '
      + 'workers on one port. Server CPU counts every server process; database CPU the PostgreSQL server\'s, per message answered. '
      + 'Peak RSS is that of the largest server process during that level alone (its peak is started afresh before each level, so it leaves out '
      + 'the first start\'s training; a figure marked * could not be and runs from the start). Load is the machine\'s 1-minute load average at the end of the level.',
    '',
    row(['store, processes', 'client', 'connections', 'msg/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU ms/msg', 'database CPU ms/msg', 'peak RSS MB per process', 'load']),
    row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---']),
    ...load.map((f) => row([`${text(f, 'store')}, ${num(f, 'workers')}`, text(f, 'mode'), num(f, 'connections'), num(f, 'rps'), num(f, 'p50_ms'), num(f, 'p99_ms'), num(f, 'errors'),
      num(f, 'server_cpu_ms_per_msg'), text(f, 'store') === 'files' ? '—' : num(f, 'db_cpu_ms_per_msg'), `${num(f, 'peak_rss_mb')}${f.peak_rss_since === 'start' ? '*' : ''}`, num(f, 'load_1m')])),
    '',
    `${quietMachine(figures) ? `On a quiet machine (${machineLoad(figures)}; the bench's own client, server and database only).` : `On a machine shared with other work (${machineLoad(figures)}) the figures are far below what a quiet machine gives; compare the rows with each other.`} On PostgreSQL a turn makes four round trips (one opens it: the lock, the sequence numbers, the open ticket and the state; then the state write, the log write with NOTIFY and the unlock) and, with synchronous commit, waits for the WAL to reach the disk at two of them (state write, log write; the answer does not wait for the unlock): that wait, more than CPU, bounds the PostgreSQL rows. Two workers on two cores shared with the database and the load generator add context switches rather than capacity here; they pay off where each worker has a core of its own. Streaming saves the poll request of every message and nearly all the cost of an idle chat.`,
    '',
    ...(idle.length ? [
      `Open chats doing nothing, ${num(idle[0], 'chats')} of them, as Web Chat keeps them: \`poll\` asks for activities once a second each; `
        + '`stream` holds the WebSocket and sends its empty keep-alive every 20 s. They are opened after the load levels, left idle for '
        + `${num(idle[0], 'settle_seconds')} s (so that the collection of the load's garbage and the opening itself are over), then measured for ${num(idle[0], 'seconds')} s: `
        + 'the server\'s CPU over that window in percent of one core (every process), and that of its busiest 5 s slice. With two processes, streaming only.',
      '',
      row(['store, processes', 'client', 'chats', 'requests/s', '% of a core', 'busiest 5 s, % of a core', 'errors', 'load']),
      row(['---', '---', '---', '---', '---', '---', '---', '---']),
      ...idle.map((f) => row([`${text(f, 'store')}, ${num(f, 'workers')}`, text(f, 'mode'), num(f, 'chats'), num(f, 'requests_per_s'), num(f, 'core_pct'), num(f, 'busiest_slice_core_pct'), num(f, 'errors'), num(f, 'load_1m')])),
      '',
    ] : []),
  ];
}

/** The issue's aims for several processes: the best configuration's throughput, idle cost, memory per process. */
function scaleAims(figures: Figure[]): Aim[] {
  const load = figures.filter((f) => f.metric === 'directline-scale');
  const idle = figures.filter((f) => f.metric === 'idle-chats');
  const setup = (f: Figure): string => `${text(f, 'store')}, ${num(f, 'workers')} process${num(f, 'workers') > 1 ? 'es' : ''}, ${text(f, 'mode')}, ${connections(f)}`;
  const best = load.filter((f) => num(f, 'errors') === 0 && num(f, 'p99_ms') <= 50).sort((a, b) => num(b, 'rps') - num(a, 'rps'))[0];
  const fastest = [...load].sort((a, b) => num(b, 'rps') - num(a, 'rps'))[0];
  const idleStream = idle.filter((f) => f.mode === 'stream').sort((a, b) => num(b, 'core_pct') - num(a, 'core_pct'))[0];
  const peak = [...load].sort((a, b) => num(b, 'peak_rss_mb') - num(a, 'peak_rss_mb'))[0];
  const aims: Aim[] = [];
  if (fastest) {
    aims.push({
      aim: '≥ 800 msg/s through Direct Line, 0 errors, p99 ≤ 50 ms, in the best configuration',
      figure: best ? `${num(best, 'rps')} msg/s, p99 ${num(best, 'p99_ms')} ms (${setup(best)}); most: ${num(fastest, 'rps')} msg/s, p99 ${num(fastest, 'p99_ms')} ms (${setup(fastest)})`
      : `no level with 0 errors and p99 ≤ 50 ms; most: ${num(fastest, 'rps')} msg/s, p99 ${num(fastest, 'p99_ms')} ms (${setup(fastest)})`,
      met: num(best, 'rps') >= 800,
    });
  }
  if (idleStream) {
    aims.push({
      aim: `${num(idleStream, 'chats')} idle streaming conversations cost < 2% of a core`,
      figure: `${num(idleStream, 'core_pct')}% (polling: ${idle.filter((f) => f.mode === 'poll').map((f) => `${num(f, 'core_pct')}% on ${text(f, 'store')}`).join(', ')})`,
      met: num(idleStream, 'core_pct') < 2,
    });
  }
  if (peak) aims.push({ aim: 'RSS ≤ 250 MB per process under Direct Line load', figure: `${num(peak, 'peak_rss_mb')} MB at most (${setup(peak)})`, met: num(peak, 'peak_rss_mb') <= 250 });
  return aims;
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—';
}

/** Before and after: the main figures of the baseline run and of this one, side by side. */
function compare(baseline: { figures: Figure[]; label: string }, figures: Figure[], sizes: number[]): string[] {
  const pick = (set: Figure[], metric: string, procedures: number | null, key: string, best?: 'rps'): string => {
    const candidates = set.filter((f) => f.metric === metric && (procedures === null || f.procedures === procedures));
    const f = best ? candidates.sort((a, b) => num(b, 'rps') - num(a, 'rps'))[0] : candidates[0];
    const value = num(f, key);
    if (!Number.isFinite(value)) return '—';
    return best ? `${value} (${num(f, 'connections')} conn.)` : String(value);
  };
  const rows: Array<[string, string, number | null, string, ('rps' | undefined)?]> = [];
  for (const p of sizes) {
    rows.push(
      [`load knowledge ms, ${p} procedures`, 'load', p, 'ms'],
      [`train ms, ${p}`, 'train', p, 'ms'],
      [`parse p50 ms, ${p}`, 'parse', p, 'p50_ms'],
      [`parse p99 ms, ${p}`, 'parse', p, 'p99_ms'],
      [`parse with typos p99 ms, ${p}`, 'parse-typos', p, 'p99_ms'],
      // The baseline had no saved model: each of its starts read the YAML and trained, like a first start now.
      [`first start ms (empty DATA_DIR), ${p}`, 'first-start', p, 'ms'],
      [`first start CPU ms, ${p}`, 'first-start', p, 'cpu_ms'],
      [`restart ms, ${p}`, 'cold-start', p, 'ms'],
      [`RSS MB after start, ${p}`, 'rss', p, 'rss_mb'],
      [`intent accuracy, ${p}`, 'accuracy', p, 'intent'],
      [`procedure accuracy, ${p}`, 'accuracy', p, 'procedure'],
    );
  }
  const large = sizes.at(-1) ?? null;
  rows.push(
    ['POST /api/parse, best msg/s', 'http-parse', large, 'rps', 'rps'],
    ['POST /api/parse, server CPU ms/msg at 10 conn.', 'http-parse-10', large, 'server_cpu_ms_per_msg'],
    ['Direct Line, best msg/s', 'directline', large, 'rps', 'rps'],
    ['Direct Line, server CPU ms/msg at 10 conn.', 'directline-10', large, 'server_cpu_ms_per_msg'],
  );
  const at10 = (set: Figure[]): Figure[] => [...set, ...set.filter((f) => num(f, 'connections') === 10).map((f) => ({ ...f, metric: `${f.metric}-10` }))];
  return [
    `## Before and after`,
    '',
    `The baseline is ${baseline.label}, on the same kind of machine; both columns are single runs.`,
    '',
    '| figure | before | after |',
    '| --- | --- | --- |',
    ...rows.map(([label, metric, p, key, best]) => {
      const before = metric === 'first-start' ? 'cold-start' : metric === 'cold-start' ? 'none' : metric;
      return `| ${label} | ${pick(at10(baseline.figures), before, p, key, best)} | ${pick(at10(figures), metric, p, key, best)} |`;
    }),
    '',
  ];
}
