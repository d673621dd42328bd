import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDirectLineApp } from './direct-line-app.js';
import { PollingClient } from './client.js';

describe('Direct Line across a restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-dl-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the conversation, its log, its token and what the bot remembers', async () => {
    const before = await startDirectLineApp(dir);
    const client = await PollingClient.start(before.url);
    const [first] = await client.ask('đăng ký tạm trú cần giấy tờ gì');
    expect(first.channelData.procedure).toBe('dang-ky-tam-tru');
    const logged = client.watermark;
    await before.close();

    const after = await startDirectLineApp(dir);
    try {
      const again = PollingClient.attach(after.url, client.conversationId, client.token);
      const history = await again.poll();
      expect(history.map((a) => a.text)).toContain('đăng ký tạm trú cần giấy tờ gì');
      expect(again.watermark).toBe(logged);

      const [reply] = await again.ask('nộp ở đâu?');
      expect(reply.channelData).toEqual({ intent: 'procedure.location', procedure: 'dang-ky-tam-tru' });
      expect(Number(again.watermark)).toBeGreaterThan(Number(logged));
    } finally {
      await after.close();
    }
  });
});
