/** Placeholder names (`{name}`) a message or an English template uses, sorted: for catalogue checks. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
