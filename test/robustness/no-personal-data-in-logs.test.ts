import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { PROJECT_ROOT } from '../../src/config.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { PollingClient } from '../directline/client.js';
import { dumpSchema, PG_STORE, schemaFor } from '../helpers/pg.js';

jest.setTimeout(120_000);

interface SeedDossier { code: string; applicant: { name: string; phone: string; idNumber: string } }
const dossiers = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/portal/dossiers.seed.json'), 'utf8')) as { dossiers: SeedDossier[] }).dossiers;

/** Every file the server writes as a log or a staff record (not the citizen's own chat log). */
function logFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'directline' ? [] : logFiles(full);
    return /\.(jsonl|json|log)$/.test(name) && name !== 'portal-dossiers.json' ? [full] : [];
  });
}

describe('personal data in logs', () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-pii-'));
    server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', HELPDESK_TOKEN: 'desk-token' });
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`never writes a name, phone or id number of the ${dossiers.length} contract dossiers in clear`, async () => {
    for (const dossier of dossiers) {
      const chat = await PollingClient.start(`${server.url}/v3/directline`);
      await chat.ask(`tra cứu hồ sơ ${dossier.code.toLowerCase()}`);
      await chat.ask('0000');
      await chat.ask(dossier.applicant.phone.slice(-4));
      await chat.ask(`cho tôi gặp cán bộ, tôi là ${dossier.applicant.name}, số điện thoại ${dossier.applicant.phone}, căn cước ${dossier.applicant.idNumber}`);
      await chat.ask(`sao chưa xong hồ sơ ${dossier.code} của ${dossier.applicant.name} sđt ${dossier.applicant.phone}`);
      const desk = await fetch(`${server.url}/api/helpdesk/dossiers/${encodeURIComponent(dossier.code)}`, { headers: { authorization: 'Bearer desk-token' } });
      expect(desk.status).toBe(200);
    }
    // Let the last writes land, then stop so that every store is flushed.
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const files = logFiles(dataDir);
    // On PostgreSQL (DVC_TEST_STORE=pg), every table but the citizens' own chat logs.
    const database = PG_STORE ? await dumpSchema(schemaFor(dataDir), ['dl_activities']) : { tables: [], text: '' };
    const written = [server.log(), ...files.map((file) => readFileSync(file, 'utf8')), database.text].join('\n');
    expect(written.length).toBeGreaterThan(1000);
    if (PG_STORE) expect(database.tables).toEqual(expect.arrayContaining(['audit_log', 'tickets', 'inbox', 'bot_state']));
    else expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['audit.jsonl']));
    const leaks = dossiers.flatMap((d) => [d.applicant.name, d.applicant.phone, d.applicant.idNumber].filter((secret) => written.includes(secret)));
    expect(leaks).toEqual([]);
  });
});
