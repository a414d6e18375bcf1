export interface ZipInput {
  name: string;
  data: Buffer;
}
export interface ZipEntry {
  name: string;
  size: number;
  data(): Buffer;
}
export function makeZip(files: ZipInput[]): Buffer;
export function readZip(buf: Buffer): ZipEntry[];
