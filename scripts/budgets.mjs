// Fails when a part of the Chrome build is over its gzipped size budget (docs/performance.md).
import { fileURLToPath } from 'node:url';
import { measure } from './sizes.mjs';

export const BUDGETS = { mainWorld: 3 * 1024, content: 34 * 1024, worker: 32 * 1024, popup: 62 * 1024, csvExport: 10 * 1024, pageCopy: 10 * 1024 };

// Importable for BUDGETS (scripts/bench.mjs); checks only when run.
if (process.argv[1] === fileURLToPath(import.meta.url)) check();

function check() {
  const sizes = measure('dist/chrome');
  let failed = false;
  const report = {};
  for (const [part, budget] of Object.entries(BUDGETS)) {
    const { gzip, raw } = sizes[part];
    report[part] = { gzipBytes: gzip, rawBytes: raw, budgetBytes: budget, ok: gzip <= budget };
    if (gzip > budget) failed = true;
  }
  console.log(JSON.stringify({ sizeBudgets: report }, null, 2));
  if (failed) {
    console.error('over budget');
    process.exit(1);
  }
}
