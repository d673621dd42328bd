import { z } from 'zod';
import { readDataFile } from '../../data/read-data-file.js';

// intents/situation/vi.yaml: the words that tell a citizen's situation (see the file's header).

const phrase = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1));
const phrases = z.array(phrase);
const name = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase name, e.g. "lost"');

/** The age section's word lists besides `units`, each optional (see the file's comments for what each holds). */
export const AGE_WORD_LISTS = [
  'months', 'below', 'above', 'atLeast', 'upward', 'downward', 'persons', 'otherUnits', 'children', 'grade', 'birthYear', 'newborn', 'elderly',
] as const;
const optionalLists = Object.fromEntries(AGE_WORD_LISTS.map((key) => [key, phrases.default([])])) as
  Record<(typeof AGE_WORD_LISTS)[number], z.ZodDefault<typeof phrases>>;

export const situationCuesSchema = z.object({
  version: z.literal(1),
  negations: phrases.default([]),
  /** Words that carry no question of their own ("còn", "thì sao"): a message of a situation and these states only it. */
  fillers: phrases.default([]),
  age: z.object({
    units: phrases.min(1),
    ...optionalLists,
    elderlyAge: z.number().int().min(0).max(150).default(60),
    /** Number words: [value, word, word…]. */
    numbers: z.array(z.tuple([z.number().int().min(0)]).rest(phrase)).default([]),
    /** Numbers 10–99 in words: "mười" (ten), "mươi" (tens after 2–9), and the units' forms after them ("mốt", "lăm"). */
    tens: z.object({
      ten: phrases.default([]),
      tens: phrases.default([]),
      units: z.array(z.tuple([z.number().int().min(1).max(9)]).rest(phrase)).default([]),
    }).strict().default({}),
  }).strict(),
  /** How long ago the event was: number + unit of time (days each) after a `before` word or before an `after` word. */
  elapsed: z.object({
    before: phrases.default([]),
    after: phrases.default([]),
    units: z.array(z.tuple([z.number().int().min(1)]).rest(phrase)).default([]),
  }).strict().default({}),
  /** Two different place names in one message give `slot` = `value` (places apart); each name group is one place. */
  places: z.object({
    slot: name.optional(),
    value: name.default('other'),
    names: z.array(phrases.min(1)).default([]),
  }).strict().default({}),
  slots: z.record(name, z.object({
    /** Phrases in which a cue does not count ("bố mất" is not a lost card). */
    except: phrases.default([]),
    /** Values that win over the slot's others said in the same message ("chuyển nhà sang tỉnh khác" is a move). */
    wins: z.array(name).default([]),
    /** Its cues name the paper asked about, not a situation: a message of them asks its own question. */
    namesPaper: z.boolean().default(false),
    values: z.record(name, phrases.min(1)).refine((v) => Object.keys(v).length > 0, 'a slot needs at least one value'),
  }).strict().refine((s) => s.wins.every((w) => w in s.values), { message: '`wins` names a value the slot does not have', path: ['wins'] })).refine((s) => !('age' in s), '"age" is read from the `age` section, not a slot of its own'),
}).strict().refine((f) => !f.places.slot || Boolean(f.slots[f.places.slot]?.values[f.places.value]), {
  message: '`places` names a slot or value that `slots` does not have', path: ['places'],
});

export type SituationCuesFile = z.infer<typeof situationCuesSchema>;

export function readSituationCues(file: string): SituationCuesFile {
  return readDataFile(file, situationCuesSchema);
}
