import type { Ticket } from './tickets.js';

// A ticket as the queue shows it: enough to pick one, nothing the transcript masking does not
// already allow (the last citizen line is masked like the transcript). The transcript itself
// is in the ticket, whose every read is audited.

export type ProcedureNames = (id: string) => string | null;

export type TicketSummary = ReturnType<typeof ticketSummary>;

export function ticketSummary(ticket: Ticket, procedureName: ProcedureNames = () => null) {
  const lastCitizen = ticket.transcript.findLast((line) => line.from === 'citizen');
  const lastReply = ticket.replies.at(-1);
  const awaitingReply = ticket.status === 'open' && (lastReply?.at ?? '') < (lastCitizen?.at ?? ticket.createdAt);
  // The procedure in play: the last one the assistant understood in this conversation.
  const understood = ticket.transcript.findLast((line) => line.from === 'bot' && line.procedure);
  const procedure = understood?.procedure ?? null;
  return {
    code: ticket.code,
    status: ticket.status,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    channelId: ticket.channelId,
    lastCitizenMessage: lastCitizen?.text ?? null,
    lastCitizenAt: lastCitizen?.at ?? null,
    replies: ticket.replies.length,
    awaitingReply,
    /** Since when the citizen waits for an officer: the ticket's start, or their first line after the last reply. */
    waitingSince: awaitingReply ? waitingSince(ticket, lastReply?.at) : null,
    procedure,
    procedureName: procedure ? procedureName(procedure) : null,
    claim: ticket.claim ?? null,
    closedReason: ticket.closedReason ?? null,
  };
}

function waitingSince(ticket: Ticket, lastReplyAt: string | undefined): string {
  if (!lastReplyAt) return ticket.createdAt;
  return ticket.transcript.find((line) => line.from === 'citizen' && line.at > lastReplyAt)?.at ?? ticket.createdAt;
}
