// npm test: type-check, lint, unit tests, build, then end-to-end tests in Chromium and in
// Firefox with the built extension. Stops at the first failing stage and exits non-zero.
import { spawnSync } from 'node:child_process';
import { ensureSystemPackages } from './system-deps.mjs';

// Chromium, libfaketime, fonts, unzip: found, installed, or the exact command to run.
ensureSystemPackages('test');

const stages = [
  ['type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  // A deadline stated as a calendar date is due on that date where the shopper is: the
  // deadline, reminder and calendar tests again under zones with DST changes on both sides.
  ...['Asia/Jerusalem', 'America/Sao_Paulo', 'Pacific/Auckland', 'UTC'].map((tz) => [
    `deadlines in ${tz}`,
    'npx',
    ['vitest', 'run', '--project', 'unit', 'test/unit/deadlines', 'test/unit/domain'],
    { TZ: tz },
  ]),
  ['build (Chrome and Firefox)', 'node', ['scripts/build.mjs']],
  ['store zips (npm run package)', 'node', ['scripts/package.mjs']],
  ['checks of the build and the zips', 'npx', ['vitest', 'run', '--project', 'build']],
  ['size budgets', 'node', ['scripts/budgets.mjs']],
  ['Firefox lint (web-ext)', 'node', ['scripts/lint-firefox.mjs']],
  ['end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']],
  // The Firefox build in Debian's firefox-esr over WebDriver BiDi (docs/firefox.md).
  ['end-to-end tests (Firefox)', 'npx', ['vitest', 'run', '--project', 'firefox']],
];

const only = process.argv.slice(2);
for (const [name, cmd, args, env] of stages) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...(env ?? {}) } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed after ${secs}s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs}s)`);
}
