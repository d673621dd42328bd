import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpPortalClient } from '../../src/portal/http-portal-client.js';
import { PortalError, type PortalErrorKind } from '../../src/portal/portal-client.js';
import { removeDir, startMockPortalProcess, type MockPortalProcess } from '../helpers/mock-portal-process.js';

let portal: MockPortalProcess;
beforeAll(async () => { portal = await startMockPortalProcess(); });
afterAll(async () => {
  await portal.stop();
  removeDir(portal.dataDir);
});
beforeEach(async () => { await portal.control({ delayMs: 0, failRate: 0, failNext: 0, badAnswer: false }); });

const client = (options: Partial<ConstructorParameters<typeof HttpPortalClient>[1]> = {}) =>
  new HttpPortalClient(portal.url, { timeoutMs: 5000, retries: 2, backoffMs: 10, ...options });

/** The PortalError kind a call fails with; fails the test if the call succeeds. */
async function failureKind(call: Promise<unknown>): Promise<PortalErrorKind> {
  const err: unknown = await call.then(() => { throw new Error('expected a PortalError, got an answer'); }, (e: unknown) => e);
  if (!(err instanceof PortalError)) throw err;
  return err.kind;
}

describe('HttpPortalClient against the mock portal process', () => {
  it.each([
    ['canonical', '000.00.16.H17-261105-0007', '000.00.16.H17-261105-0007'],
    ['lower case with spaces around the dashes', '000.00.16.h17 - 261105 - 0007', '000.00.16.H17-261105-0007'],
    ['en dashes', 'g22.71–261105–0012', 'G22.71-261105-0012'],
  ])('finds a dossier typed in %s', async (_spelling, typed, code) => {
    const dossier = await client().getDossier(typed);
    expect(dossier.code).toBe(code);
    expect(dossier.applicant.name.length).toBeGreaterThan(0);
    expect(dossier.history.length).toBeGreaterThan(0);
  });

  it('answers the contract values of a known dossier', async () => {
    const dossier = await client().getDossier('000.00.16.H17-261105-0007');
    expect(dossier).toMatchObject({ procedure: 'dang-ky-khai-sinh', status: 'returned', dueAt: '2026-11-06T17:00:00+07:00' });
  });

  it('reports an unknown code as not_found, without retrying', async () => {
    const before = await portal.reads();
    expect(await failureKind(client().getDossier('G22.71-261105-9999'))).toBe('not_found');
    expect(await portal.reads()).toBe(before + 1);
  });

  it('reports a malformed code as bad_code without asking the portal', async () => {
    const before = await portal.reads();
    expect(await failureKind(client().getDossier('hồ sơ 123'))).toBe('bad_code');
    expect(await portal.reads()).toBe(before);
  });

  it('gives up on a slow portal with down, within its timeout', async () => {
    await portal.control({ delayMs: 10_000 });
    const before = await portal.reads();
    const started = Date.now();
    expect(await failureKind(client({ timeoutMs: 400, retries: 3 }).getDossier('G22.71-261105-0012'))).toBe('down');
    // The timeout bounds the whole call, retries included: one attempt used it all up.
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await portal.reads()).toBe(before + 1);
  });

  it('retries 5xx answers and returns the dossier once the portal recovers', async () => {
    await portal.control({ failNext: 2 });
    const before = await portal.reads();
    const dossier = await client({ retries: 2 }).getDossier('G22.71-261105-0012');
    expect(dossier.code).toBe('G22.71-261105-0012');
    expect(await portal.reads()).toBe(before + 3);
  });

  it('stops after its retries and reports down when the portal keeps failing', async () => {
    await portal.control({ failNext: 5 });
    const before = await portal.reads();
    expect(await failureKind(client({ retries: 2 }).getDossier('G22.71-261105-0012'))).toBe('down');
    expect(await portal.reads()).toBe(before + 3);
  });

  it('reports down when every answer is a 503', async () => {
    await portal.control({ failRate: 1 });
    expect(await failureKind(client({ retries: 1 }).getDossier('G22.71-261105-0012'))).toBe('down');
  });

  it('reports an answer in the wrong shape as bad_answer, without retrying', async () => {
    await portal.control({ badAnswer: true });
    const before = await portal.reads();
    expect(await failureKind(client().getDossier('G22.71-261105-0012'))).toBe('bad_answer');
    expect(await failureKind(client().listOverdue(new Date('2026-11-25T00:00:00Z')))).toBe('bad_answer');
    expect(await portal.reads()).toBe(before + 2);
  });

  it('does not mistake a 404 from a wrong base URL for an unknown dossier', async () => {
    const wrong = new HttpPortalClient(`${portal.url}/api/v2`, { timeoutMs: 5000, retries: 0, backoffMs: 10 });
    expect(await failureKind(wrong.getDossier('G22.71-261105-0012'))).toBe('bad_answer');
  });

  it.each([
    ['2026-11-25T00:00:00+07:00', ['000.00.16.H17-260915-0208', '000.00.16.H17-261020-0031', 'G22.71-261002-0009']],
    ['2026-10-12T00:00:00+07:00', ['G22.71-261002-0009']],
    ['2026-10-01T00:00:00+07:00', []],
  ])('lists the dossiers overdue at %s', async (now, codes) => {
    const overdue = await client().listOverdue(new Date(now));
    expect(overdue.map((d) => d.code).sort()).toEqual(codes);
  });
});

describe('HttpPortalClient when the portal is not there', () => {
  it('reports a stopped portal as down', async () => {
    const stopped = await startMockPortalProcess();
    const url = stopped.url;
    await stopped.stop();
    removeDir(stopped.dataDir);
    const started = Date.now();
    const kind = await failureKind(new HttpPortalClient(url, { timeoutMs: 5000, retries: 2, backoffMs: 10 }).getDossier('G22.71-261105-0012'));
    expect(kind).toBe('down');
    // Refused connections fail fast; the client must not sit out its whole timeout.
    expect(Date.now() - started).toBeLessThan(4000);
  });

  describe('a portal that answers HTML', () => {
    let html: Server;
    let url: string;
    beforeAll(async () => {
      html = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Hệ thống đang bảo trì</body></html>');
      });
      await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', () => resolve()));
      url = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
    });
    afterAll(async () => { await new Promise<void>((resolve) => html.close(() => resolve())); });

    it('reports it as bad_answer', async () => {
      expect(await failureKind(new HttpPortalClient(url, { retries: 0 }).getDossier('G22.71-261105-0012'))).toBe('bad_answer');
    });
  });

  it('maps each failure kind to the catalogue code a help-desk route answers', () => {
    expect(new PortalError('down', 'x').toAppError().toJSON().error).toBe('PORTAL_UNAVAILABLE');
    expect(new PortalError('not_found', 'x').toAppError().status).toBe(404);
    expect(new PortalError('bad_code', 'x').toAppError().status).toBe(400);
    expect(new PortalError('bad_answer', 'x').toAppError().status).toBe(502);
  });
});
