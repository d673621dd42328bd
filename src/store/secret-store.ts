// Secrets the server makes itself and must keep: the key that signs Direct Line tokens, the
// staff tokens when none is configured, and the key that hashes conversation ids for
// analytics. Each is made once, on first use, and then the same for every start and every
// process.

export type SecretName = 'directline-secret' | 'admin-token' | 'helpdesk-token' | 'analytics-key';

export interface KeptSecret {
  value: string;
  /** True when it was made by this call. */
  created: boolean;
  /** Where it is kept, for a log line that tells an operator where to find it (never the secret). */
  where: string;
}

export interface SecretStore {
  /** The secret kept under `name`; the first time, `make()` is kept and answered (two callers at once get the same one). */
  obtain(name: SecretName, make: () => string): Promise<KeptSecret>;
}
