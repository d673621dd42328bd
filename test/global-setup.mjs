import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Tests that start the server as a process run what `npm start` runs: the build in dist/.
export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
}
