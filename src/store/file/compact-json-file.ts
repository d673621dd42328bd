import { DataFile } from 'lowdb/node';

/**
 * A lowdb adapter writing JSON without indentation: files the server rewrites on every turn
 * are read by programs, and unindented JSON is written about twice as fast and is a third smaller.
 */
export function compactJsonFile<T>(file: string): DataFile<T> {
  return new DataFile<T>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) });
}
