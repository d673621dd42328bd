import { sameWord } from './cue-patterns.js';
import { oneEditApart } from './vi/slips.js';
import type { NormalizedText } from './vi/normalize.js';

// Misspelt intent words ("bao nhêu", "ở đau", "giấy tơ", "thủ tụ"), put right when the word
// next to them makes an intent phrase of the cue data: the wrong marks on a word whose letters
// are right, or one letter off in a word the assistant has never seen in a question. A word it
// knows stays as typed ("bao lần" is not "bao lâu"), and a word is only ever corrected into
// the phrase its neighbour starts or ends, so valid words do not turn into others.

interface Word {
  word: string;
  folded: string;
}

/** True when the word, as typed, is one the assistant has seen in a question or a name. */
export type KnowsWord = (word: string, folded: string) => boolean;

export class CueCorrector {
  /** By the folded first word of a pair: the words that follow it in a phrase. */
  private readonly after = new Map<string, Array<{ first: Word; second: Word }>>();
  /** By the folded second word of a pair: the words that come before it. */
  private readonly before = new Map<string, Array<{ first: Word; second: Word }>>();

  constructor(phrases: ReadonlyArray<NormalizedText>) {
    for (const p of phrases) {
      for (let i = 1; i < p.words.length; i++) {
        const pair = { first: { word: p.words[i - 1]!, folded: p.folded[i - 1]! }, second: { word: p.words[i]!, folded: p.folded[i]! } };
        push(this.after, pair.first.folded, pair);
        push(this.before, pair.second.folded, pair);
      }
    }
  }

  /** The question with its misspelt intent words put right (the same object when none is). */
  correct(norm: NormalizedText, knows: KnowsWord): NormalizedText {
    let words: string[] | undefined;
    let folded: string[] | undefined;
    const n = norm.words.length;
    for (let i = 0; i < n; i++) {
      const typed = { word: (words ?? norm.words)[i]!, folded: (folded ?? norm.folded)[i]! };
      const fix = this.fixAfter(norm, i - 1, typed, knows) ?? this.fixBefore(norm, i + 1, typed, knows);
      if (!fix) continue;
      words ??= [...norm.words];
      folded ??= [...norm.folded];
      words[i] = fix.word;
      folded[i] = fix.folded;
    }
    return words && folded ? { ...norm, words, folded } : norm;
  }

  private fixAfter(norm: NormalizedText, left: number, typed: Word, knows: KnowsWord): Word | null {
    if (left < 0) return null;
    const pairs = this.after.get(norm.folded[left] ?? '');
    const neighbour = { word: norm.words[left] ?? '', folded: norm.folded[left] ?? '' };
    for (const { first, second } of pairs ?? []) {
      if (sameWord(neighbour.word, neighbour.folded, first.word, first.folded) && misspelt(typed, second, knows)) return second;
    }
    return null;
  }

  private fixBefore(norm: NormalizedText, right: number, typed: Word, knows: KnowsWord): Word | null {
    if (right >= norm.words.length) return null;
    const pairs = this.before.get(norm.folded[right] ?? '');
    const neighbour = { word: norm.words[right] ?? '', folded: norm.folded[right] ?? '' };
    for (const { first, second } of pairs ?? []) {
      if (sameWord(neighbour.word, neighbour.folded, second.word, second.folded) && misspelt(typed, first, knows)) return first;
    }
    return null;
  }
}

/** Letters a word keeps from its start when one of its letters is off: typing slips rarely hit the first. */
const KEPT_START = 1;
/** Shorter words one letter off are other words too often ("xo" is not "hồ"). */
const MIN_EDITED_LENGTH = 3;

/**
 * True when `typed` is `target` misspelt: other marks on the same letters, or, for a word the
 * assistant does not know, one letter off after the first.
 */
function misspelt(typed: Word, target: Word, knows: KnowsWord): boolean {
  if (typed.word === target.word) return false;
  if (typed.folded === target.folded) return !sameWord(typed.word, typed.folded, target.word, target.folded);
  return typed.folded.length >= MIN_EDITED_LENGTH
    && typed.folded.slice(0, KEPT_START) === target.folded.slice(0, KEPT_START)
    && oneEditApart(typed.folded, target.folded)
    && !knows(typed.word, typed.folded);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
