// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSAL, stripInnerHtmlSink } from '../../../scripts/preact-no-html-plugin';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const preact = readFileSync(join(ROOT, 'node_modules', 'preact', 'dist', 'preact.mjs'), 'utf8');
const assignments = (code: string) => code.match(/\.innerHTML\s*=(?!=)/g) ?? [];

describe('preact without its innerHTML sink (web-ext lint UNSAFE_VAR_ASSIGNMENT)', () => {
  it('preact as installed has exactly one innerHTML assignment, for dangerouslySetInnerHTML', () => {
    expect(assignments(preact)).toHaveLength(1);
    expect(preact).toContain('dangerouslySetInnerHTML');
  });

  it('replaces it by a throw and changes nothing else', () => {
    const out = stripInnerHtmlSink(preact);
    expect(assignments(out)).toEqual([]);
    expect(out).toContain(JSON.stringify(REFUSAL));
    const [before, after] = preact.split(/\(\s*[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\s*\)/);
    expect(out.startsWith(before!)).toBe(true);
    expect(out.endsWith(after!)).toBe(true);
  });

  it('refuses to build when preact has none or several (a preact update must be reviewed)', () => {
    expect(() => stripInnerHtmlSink('export const x = 1;')).toThrow(/found 0/);
    expect(() => stripInnerHtmlSink('(a.innerHTML=b.__html);(c.innerHTML=d.__html)')).toThrow(/found 2/);
  });
});
