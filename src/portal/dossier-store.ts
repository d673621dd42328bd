import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readDataFile } from '../data/read-data-file.js';
import { GroupCommit } from '../store/group-commit.js';
import { writeFileAtomic } from '../store/write-file-atomic.js';
import { canonicalDossierCode } from '../nlu/dossier-code.js';
import { dossierSchema, type Dossier, type DossierStatus } from './portal-client.js';
import { isOpen } from './overdue.js';

// The mock portal's dossiers, in a JSON file (it stands in for another system's database, so it
// is not one of the assistant's stores). The file is seeded once from the bundled dossiers
// and is the source of truth from then on, so status changes survive restarts.

/** The dossiers that ship with the project (the contract's list). */
export const SEED_FILE = fileURLToPath(new URL('./dossiers.seed.json', import.meta.url));

/** The store's file name inside DATA_DIR, shared by `npm run mock-portal` and the embedded portal. */
export const PORTAL_DATA_FILE = 'portal-dossiers.json';

const storeSchema = z.object({
  version: z.literal(1),
  dossiers: z.array(dossierSchema).superRefine((dossiers, ctx) => {
    const seen = new Set<string>();
    dossiers.forEach((d, i) => {
      const code = canonicalDossierCode(d.code);
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate dossier code ${code}` });
      seen.add(code);
    });
  }),
});
type StoreData = z.infer<typeof storeSchema>;

export interface DossierEvent {
  status: DossierStatus;
  by: string;
  at: string;
  note?: string;
}

export class DossierStore {
  /** Writes one at a time, each of the data as it is then. */
  private readonly commits: GroupCommit;

  private constructor(file: string, private readonly data: StoreData) {
    this.commits = new GroupCommit(() => writeFileAtomic(file, `${JSON.stringify(this.data, null, 2)}\n`));
  }

  /** Opens `dataFile`, creating it from `seedFile` on first start; a bad file names itself. */
  static async open(dataFile: string, seedFile: string = SEED_FILE): Promise<DossierStore> {
    mkdirSync(path.dirname(dataFile), { recursive: true });
    // The data file goes through the same schema as the seed: a hand edit that breaks it
    // stops the portal with the file and field named, instead of serving half a dossier.
    const seeding = !existsSync(dataFile);
    const store = new DossierStore(dataFile, readDataFile(seeding ? seedFile : dataFile, storeSchema));
    if (seeding) await store.commits.commit();
    return store;
  }

  all(): Dossier[] {
    return this.data.dossiers;
  }

  /** The dossier whose code is `code` in canonical form, if any. */
  find(code: string): Dossier | undefined {
    const wanted = canonicalDossierCode(code);
    return this.data.dossiers.find((d) => canonicalDossierCode(d.code) === wanted);
  }

  /** Moves a dossier to a new status, as an officer would, and writes the file. */
  async addEvent(code: string, event: DossierEvent): Promise<Dossier | undefined> {
    const dossier = this.find(code);
    if (!dossier) return undefined;
    dossier.status = event.status;
    dossier.history.push({ at: event.at, status: event.status, by: event.by });
    // finishedAt is when the agency last closed the dossier; reopening it clears it.
    if (isOpen(event.status)) delete dossier.finishedAt;
    else dossier.finishedAt = event.at;
    if (event.note !== undefined) dossier.note = event.note;
    await this.commits.commit();
    return dossier;
  }
}
