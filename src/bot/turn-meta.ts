import type { TurnContext } from 'botbuilder';

// What the channel knows about a turn besides the activity: kept in the turn's state, where
// a client cannot set it (unlike channelData, which comes from the client).

export interface TurnMeta {
  /** The citizen's network address, when the channel is ours (Direct Line). */
  clientAddress?: string | undefined;
}

const META = Symbol('dvc.turnMeta');

export function setTurnMeta(context: TurnContext, meta: TurnMeta): void {
  context.turnState.set(META, meta);
}

export function turnMetaOf(context: TurnContext): TurnMeta {
  return (context.turnState.get(META) as TurnMeta | undefined) ?? {};
}
