import type { NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';
import type { SituationCuesFile } from './cues-file.js';
import { PhraseSet } from './phrase-set.js';

// Two different places named in one message ("tôi thường trú ở Hà Nội, vợ sắp cưới ở Thanh
// Hóa"): the people, or the paper and the people, are in different places. The place names
// and the slot value they give are data (the `places` section of intents/situation/vi.yaml).

export class PlaceReader {
  private readonly names: PhraseSet<number>;

  constructor(private readonly places: SituationCuesFile['places'], lexicon: Lexicon) {
    this.names = new PhraseSet(places.names.flatMap((group, i) => group.map((name) => [i, name] as const)), lexicon);
  }

  /** The slot and value that two different places give, or undefined. */
  read(text: NormalizedText): { slot: string; value: string } | undefined {
    if (!this.places.slot) return undefined;
    const hits = this.names.findAll(text).sort((a, b) => (b.end - b.start) - (a.end - a.start));
    const kept: typeof hits = [];
    for (const h of hits) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
    return new Set(kept.map((h) => h.tag)).size >= 2 ? { slot: this.places.slot, value: this.places.value } : undefined;
  }
}
