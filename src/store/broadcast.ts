// Events one process publishes that the subscribers of every process hear, in the order
// published by each: the help-desk console's ticket changes. With files there is one process;
// with PostgreSQL, NOTIFY carries them. An event is plain JSON.

export interface Broadcast<T> {
  publish(event: T): Promise<void>;
  /** Answers a function that stops the listener. */
  subscribe(listener: (event: T) => void): () => void;
}
