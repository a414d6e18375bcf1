// Fails when a part of the Chrome build is over its gzipped size budget (docs/performance.md).
import { measure } from './sizes.mjs';

export const BUDGETS = { mainWorld: 3 * 1024, content: 30 * 1024, worker: 30 * 1024, popup: 60 * 1024 };

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
