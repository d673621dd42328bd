// Stops and removes the throwaway PostgreSQL cluster of test/global-setup.mjs.
export default async function globalTeardown() {
  globalThis.dvcTestCluster?.destroy();
}
