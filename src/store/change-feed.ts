// Changes one process makes that the others must take up: staff retrained or promoted a
// model, edited the training data or the knowledge. With files there is one process; with
// PostgreSQL every process hears every change (NOTIFY). A listener reads what changed from
// its store again, so hearing a change twice, or one's own, does no harm.

export const CHANGE_TOPICS = ['models', 'training', 'knowledge'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/** Called with the publisher's detail, or with undefined when changes may have been missed. */
export type ChangeListener = (detail: string | undefined) => void;

export interface ChangeFeed {
  /** Tells every process on the store, this one included, that `topic` changed; `detail` is a short hint (an id), never personal data. */
  publish(topic: ChangeTopic, detail?: string): Promise<void>;
  /** Calls `listener` after each change on `topic`; answers a function that stops it. */
  subscribe(topic: ChangeTopic, listener: ChangeListener): () => void;
}
