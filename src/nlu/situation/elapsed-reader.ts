import type { NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';
import type { SituationCuesFile } from './cues-file.js';
import type { NumberWords } from './number-words.js';
import { PhraseSet } from './phrase-set.js';

// How long ago the event was, in days: "mất được 3 ngày", "sinh được hai tuần", "cách đây 1
// tháng", "10 ngày trước". A number with a unit of time counts only with a word before it
// ("được", "cách đây") or after it ("trước", "rồi"): "mất bao lâu? 3 ngày" says nothing.
// The words are data (the `elapsed` section of intents/situation/vi.yaml).

type ElapsedWord = 'before' | 'after';

export class ElapsedReader {
  private readonly words: PhraseSet<ElapsedWord>;
  private readonly units: PhraseSet<number>;

  constructor(cues: SituationCuesFile['elapsed'], lexicon: Lexicon, private readonly numbers: NumberWords) {
    this.words = new PhraseSet([
      ...cues.before.map((p) => ['before', p] as const),
      ...cues.after.map((p) => ['after', p] as const),
    ], lexicon);
    this.units = new PhraseSet(cues.units.flatMap(([days, ...names]) => names.map((n) => [days, n] as const)), lexicon);
  }

  /** The days since the event the message tells, or undefined. */
  read(text: NormalizedText): number | undefined {
    for (let i = 0; i < text.folded.length; i++) {
      const num = this.numbers.at(text, i);
      if (!num) continue;
      const unit = this.units.at(text, num.end);
      if (!unit) continue;
      const said = this.words.endingAt(text, i)?.tag === 'before' || this.words.at(text, unit.end)?.tag === 'after';
      if (said) return num.n * unit.tag;
    }
    return undefined;
  }
}
