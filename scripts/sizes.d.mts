// Types of scripts/sizes.mjs for the TypeScript tests.
export interface PartSize {
  files: string[];
  raw: number;
  gzip: number;
}
export type Part = 'mainWorld' | 'content' | 'worker' | 'popup' | 'popupAtOpen' | 'csvExport' | 'pageCopy' | 'options';
export function measure(dir?: string): Record<Part, PartSize>;
