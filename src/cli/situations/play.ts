import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { countWords, turnProblems, type AnswerKind, type BotReply, type SituationConversation } from './scenarios.js';

// Plays situation conversations on the real app over Direct Line, as Web Chat does with
// `webSocket: false`: post the message (or the pressed button's text and value), then poll.

export interface TurnResult {
  say: string;
  /** The answer's text, as shown (the last message of the answer). */
  text: string;
  kind: AnswerKind;
  words: number;
  problems: string[];
}

export interface ConversationResult {
  name: string;
  set: SituationConversation['set'];
  turns: TurnResult[];
  passed: boolean;
}

/** A Direct Line conversation on `base` (…/v3/directline). */
export class DirectLineConversation {
  private watermark = '';

  private constructor(private readonly base: string, private readonly id: string, private readonly token: string) {}

  static async start(base: string): Promise<DirectLineConversation> {
    const res = await fetch(`${base}/conversations`, { method: 'POST' });
    if (res.status !== 201) throw new Error(`could not start a conversation: ${res.status}`);
    const body = (await res.json()) as { conversationId: string; token: string };
    const conversation = new DirectLineConversation(base, body.conversationId, body.token);
    await conversation.poll();
    return conversation;
  }

  /** Posts a message and answers the bot's messages in reply to it. */
  async send(activity: { text: string; value?: unknown }): Promise<BotReply[]> {
    const res = await fetch(`${this.base}/conversations/${this.id}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ type: 'message', from: { id: 'citizen' }, ...activity }),
    });
    if (res.status !== 200) throw new Error(`post failed: ${res.status}`);
    const { id } = (await res.json()) as { id: string };
    const activities = await this.poll();
    return activities.filter((a) => a.type === 'message' && a.replyToId === id);
  }

  private async poll(): Promise<Array<BotReply & { type?: string; replyToId?: string }>> {
    const res = await fetch(`${this.base}/conversations/${this.id}/activities?watermark=${this.watermark}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const body = (await res.json()) as { activities: Array<BotReply & { type?: string; replyToId?: string }>; watermark: string };
    this.watermark = body.watermark;
    return body.activities;
  }
}

async function playOne(base: string, conversation: SituationConversation): Promise<ConversationResult> {
  const dl = await DirectLineConversation.start(base);
  const turns: TurnResult[] = [];
  let last: BotReply | undefined;
  for (const turn of conversation.turns) {
    const said = turn.say ?? `[${turn.press ?? ''}]`;
    let replies: BotReply[];
    if (turn.press !== undefined) {
      const action = last?.suggestedActions?.actions.find((a) => a.title === turn.press);
      if (!action) {
        turns.push({ say: said, text: '', kind: turn.kind, words: 0, problems: [`no button "${turn.press}"`] });
        break;
      }
      replies = await dl.send({ text: action.text ?? action.title, value: action.value });
    } else {
      replies = await dl.send({ text: turn.say ?? '' });
    }
    const answer = replies.at(-1);
    turns.push({ say: said, text: answer?.text ?? '', kind: turn.kind, words: countWords(answer?.text ?? ''), problems: turnProblems(turn, answer) });
    last = answer;
  }
  return { name: conversation.name, set: conversation.set, turns, passed: turns.every((t) => !t.problems.length) };
}

/** Runs `use` against one real app in a fresh temp DATA_DIR, given its Direct Line base URL. */
export async function withDirectLineApp<T>(env: Record<string, string>, use: (base: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dvc-situations-'));
  const app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }), silentLogger);
  try {
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = app.server.address() as AddressInfo;
    return await use(`http://127.0.0.1:${port}/v3/directline`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Plays every conversation on one real app, each its own Direct Line conversation. */
export function playSituations(conversations: SituationConversation[], env: Record<string, string> = {}): Promise<ConversationResult[]> {
  return withDirectLineApp(env, async (base) => {
    const results: ConversationResult[] = [];
    for (const c of conversations) results.push(await playOne(base, c));
    return results;
  });
}
