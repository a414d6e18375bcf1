// The Debian packages `npm test` and `npm start` need beside the npm ones: found, or installed
// with apt-get (as root, or with sudo when it asks no password), printing what it installs.
// Where neither is possible it stops at once with the exact command to run.
//   node scripts/system-deps.mjs [test|start]      check and install what that command needs
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Each package and how to tell it is there without asking dpkg for more than one file. */
export const PACKAGES = {
  // Debian's Chromium: the e2e tests and the demo drive it with playwright-core (no browser download).
  chromium: { present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), for: ['test', 'start'] },
  // Debian's Firefox ESR: the Firefox e2e tests drive the Firefox build in it with puppeteer-core over WebDriver BiDi.
  'firefox-esr': { present: () => existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'), for: ['test'] },
  // libfaketime moves the worker's clock in the reminder tests.
  libfaketime: { present: () => existsSync('/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1'), for: ['test'] },
  // DejaVu has Hebrew and Cyrillic glyphs, so screenshots are legible.
  'fonts-dejavu-core': { present: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'), for: ['test', 'start'] },
  // unzip checks the store zips `npm run package` writes.
  unzip: { present: () => onPath('unzip'), for: ['test'] },
};

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The packages `purpose` needs that are missing. */
export function missingFor(purpose) {
  return Object.entries(PACKAGES)
    .filter(([, p]) => p.for.includes(purpose) && !p.present())
    .map(([name]) => name);
}

/** Installs what `purpose` needs, or exits with the command to run. */
export function ensureSystemPackages(purpose, packages = missingFor(purpose)) {
  if (packages.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !root && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!root && !sudo) {
    console.error(`Buyer Shield needs these Debian packages for npm ${purpose}: ${packages.join(', ')}.\nRun:\n  sudo sh -c '${command}'\nthen npm ${purpose} again.`);
    process.exit(1);
  }
  console.log(`Installing Debian packages for npm ${purpose}: ${packages.join(', ')}`);
  const prefix = sudo ? ['sudo', '-n'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
    const [cmd, ...rest] = [...prefix, ...args];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`\n${args.join(' ')} failed (exit ${r.status}). Run it by hand:\n  sudo sh -c '${command}'`);
      process.exit(1);
    }
  }
  const still = packages.filter((name) => PACKAGES[name] && !PACKAGES[name].present());
  if (still.length > 0) {
    console.error(`Installed, but still not found: ${still.join(', ')}.`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const purpose = process.argv[2] ?? 'test';
  ensureSystemPackages(purpose);
  console.log(`Debian packages for npm ${purpose}: all present.`);
}
