import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type TurnContext } from 'botbuilder';
import { TranscriptRecorder, TRANSCRIPT_LINES, transcriptFromActivities } from '../../src/bot/transcript-recorder.js';
import { Tickets } from '../../src/helpdesk/tickets.js';
import { FileTicketStore } from '../../src/store/file/file-ticket-store.js';
import { silentLogger } from '../../src/log/logger.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-transcript-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const openTickets = async (): Promise<Tickets> => new Tickets(await FileTicketStore.open(dir, silentLogger));

/** A bot that echoes, with the recorder around each turn, as DvcBot runs it. */
function echoBot(recorder: TranscriptRecorder, onTurn: (context: TurnContext) => Promise<void> = async () => undefined) {
  return new TestAdapter(async (context) => {
    recorder.begin(context);
    await context.sendActivity(`Bạn vừa nói: ${context.activity.text}`);
    await onTurn(context);
    await recorder.commit(context);
  });
}

describe('the transcript recorder', () => {
  it('keeps the last lines of a channel without a history in memory, masked, for a new ticket', async () => {
    const tickets = await openTickets();
    const recorder = new TranscriptRecorder(tickets, silentLogger);
    let recent: string[] = [];
    const adapter = echoBot(recorder, async (context) => {
      if (context.activity.text === 'gặp cán bộ') recent = (await recorder.recent(context)).map((l) => `${l.from}: ${l.text}`);
    });
    await adapter.send('sđt 0905123456').send('3456').send('gặp cán bộ').startTest();
    expect(recent).toEqual([
      'citizen: sđt [số]', 'bot: Bạn vừa nói: sđt [số]',
      'citizen: [số]', 'bot: Bạn vừa nói: 3456',
      'citizen: gặp cán bộ', 'bot: Bạn vừa nói: gặp cán bộ',
    ]);
  });

  it('keeps at most the last lines', async () => {
    const recorder = new TranscriptRecorder(await openTickets(), silentLogger);
    let count = 0;
    const adapter = echoBot(recorder, async (context) => { count = (await recorder.recent(context)).length; });
    for (let i = 0; i < TRANSCRIPT_LINES; i += 1) await adapter.send(`câu ${i}`).startTest();
    expect(count).toBe(TRANSCRIPT_LINES);
  });

  it('adds what is said after the handoff to the open ticket, once', async () => {
    const tickets = await openTickets();
    const recorder = new TranscriptRecorder(tickets, silentLogger);
    let code = '';
    const adapter = echoBot(recorder, async (context) => {
      if (context.activity.text !== 'gặp cán bộ') return;
      code = (await tickets.create({ conversationId: context.activity.conversation.id, channelId: 'test', transcript: await recorder.recent(context) })).code;
      recorder.markForwarded(context);
    });
    await adapter.send('xin chào').send('gặp cán bộ').send('tôi cần gấp').startTest();
    expect((await tickets.get(code))?.transcript.map((l) => l.text)).toEqual([
      'xin chào', 'Bạn vừa nói: xin chào', 'gặp cán bộ', 'Bạn vừa nói: gặp cán bộ', 'tôi cần gấp', 'Bạn vừa nói: tôi cần gấp',
    ]);
  });

  it('reads the channel\'s own history when it keeps one', async () => {
    const history = async () => transcriptFromActivities([
      { type: 'message', from: { role: 'bot' }, text: 'Xin chào!', timestamp: '2026-11-22T10:00:00Z' },
      { type: 'typing', from: { role: 'bot' } },
      { type: 'message', from: { role: 'user' }, text: 'cccd 048190001234', timestamp: '2026-11-22T10:00:01Z' },
    ]);
    const recorder = new TranscriptRecorder(await openTickets(), silentLogger, { historyChannel: 'test', history });
    let recent: string[] = [];
    await echoBot(recorder, async (context) => { recent = (await recorder.recent(context)).map((l) => `${l.from}: ${l.text}`); }).send('x').startTest();
    expect(recent).toEqual(['bot: Xin chào!', 'citizen: cccd [số]']);
  });
});

describe('what the assistant understood of each turn', () => {
  it('is kept on the bot\'s lines from its answer\'s channelData, and never on the citizen\'s', async () => {
    const recorder = new TranscriptRecorder(await openTickets(), silentLogger);
    let lines: unknown[] = [];
    const adapter = new TestAdapter(async (context) => {
      recorder.begin(context);
      await context.sendActivity({ type: 'message', text: 'Lệ phí: miễn phí', channelData: { intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' } });
      await context.sendActivity({ type: 'message', text: 'Xin chào', channelData: { intent: 'greeting', procedure: null } });
      await context.sendActivity({ type: 'message', text: 'Không có channelData' });
      lines = await recorder.recent(context);
      await recorder.commit(context);
    });
    await adapter.send({ type: 'message', text: 'le phi bao nhieu', channelData: { intent: 'forged' } } as never).startTest();
    expect(lines).toEqual([
      { from: 'citizen', text: 'le phi bao nhieu', at: expect.any(String) },
      { from: 'bot', text: 'Lệ phí: miễn phí', at: expect.any(String), intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' },
      { from: 'bot', text: 'Xin chào', at: expect.any(String), intent: 'greeting', procedure: null },
      { from: 'bot', text: 'Không có channelData', at: expect.any(String) },
    ]);
  });

  it('is read from a channel\'s history too', () => {
    expect(transcriptFromActivities([
      { type: 'message', from: { role: 'user' }, text: 'lệ phí?', channelData: { intent: 'forged' }, timestamp: 't1' },
      { type: 'message', from: { role: 'bot' }, text: 'Miễn phí', channelData: { intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' }, timestamp: 't2' },
    ])).toEqual([
      { from: 'citizen', text: 'lệ phí?', at: 't1' },
      { from: 'bot', text: 'Miễn phí', at: 't2', intent: 'procedure.fee', procedure: 'cap-the-can-cuoc' },
    ]);
  });
});
