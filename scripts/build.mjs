// Builds dist/chrome and dist/firefox (or the one named: node scripts/build.mjs firefox).
import { build } from 'vite';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const target of targets) {
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  console.log(`built dist/${target}`);
}
