import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { PollingClient } from '../directline/client.js';
import { loadScripts, mismatches, type BotMessage, type Step } from '../helpers/conversation-script.js';

// Every conversation in test/conversations/*.yaml, played through the real server over
// Direct Line: create the conversation, post each message or button, poll with watermarks.

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'conversations');
const scripts = loadScripts(dir);

describe('conversations played over Direct Line', () => {
  // One server for the scripts that do not restart it (each plays its own conversation).
  let shared: TestApp;
  beforeAll(async () => { shared = await startTestApp(); });
  afterAll(async () => { await shared.close(); });

  it('has conversation scripts to play', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(8);
  });

  it.each(scripts.map(({ file, script }) => [script.name, file, script] as const))('%s (%s)', async (_name, _file, script) => {
    const restarts = script.steps.some((s) => 'restart' in s);
    const dataDir = restarts ? mkdtempSync(path.join(tmpdir(), 'dvc-conv-')) : shared.dataDir;
    let app: TestApp = restarts ? await startTestApp({}, dataDir) : shared;
    try {
      let client = await PollingClient.start(`${app.url}/v3/directline`);
      await client.poll(); // the greeting
      let last: BotMessage | undefined;
      const problems: string[] = [];
      for (const [i, step] of script.steps.entries()) {
        if ('restart' in step) {
          await app.close();
          app = await startTestApp({}, dataDir);
          client = await reattach(`${app.url}/v3/directline`, client);
          continue;
        }
        if ('reload' in step) {
          client = await reattach(client.base, client);
          continue;
        }
        const replies = await send(client, step, last);
        const label = `step ${i + 1} (${'say' in step ? `"${step.say}"` : `[${step.press}]`})`;
        if (step.expect) problems.push(...mismatches(replies.at(-1), step.expect).map((p) => `${label}: ${p}`));
        if (step.replies) {
          if (replies.length !== step.replies.length) problems.push(`${label}: ${replies.length} messages, expected ${step.replies.length}`);
          step.replies.forEach((want, k) => problems.push(...mismatches(replies[k], want).map((p) => `${label} message ${k + 1}: ${p}`)));
        }
        // Every answer to a parsed message says what was understood.
        for (const r of replies) if (typeof r.channelData?.intent !== 'string') problems.push(`${label}: a message without channelData.intent`);
        if (problems.length) break; // later steps make no sense once one went wrong
        last = replies.at(-1);
      }
      expect(problems).toEqual([]);
    } finally {
      if (restarts) {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });
});

/** Types the text, or presses the button as Web Chat does (messageBack: its text and value). */
async function send(client: PollingClient, step: Extract<Step, { say: string } | { press: string }>, last: BotMessage | undefined): Promise<BotMessage[]> {
  if ('say' in step) return client.ask(step.say);
  const action = last?.suggestedActions?.actions.find((a) => a.title === step.press);
  if (!action) throw new Error(`no button "${step.press}" on the last message: ${JSON.stringify(last?.suggestedActions?.actions.map((a) => a.title))}`);
  const posted = await client.post({ text: action.text ?? action.title, value: action.value });
  if (posted.status !== 200) throw new Error(`post failed: ${posted.status}`);
  const activities = await client.poll();
  return activities.filter((a) => a.type === 'message' && a.replyToId === posted.body.id);
}

/** A new client on the same conversation (reload or restart): it reads the history first. */
async function reattach(base: string, old: PollingClient): Promise<PollingClient> {
  const client = PollingClient.attach(base, old.conversationId, old.token);
  const history = await client.poll();
  if (!history.length) throw new Error('the conversation\'s history was lost');
  return client;
}
