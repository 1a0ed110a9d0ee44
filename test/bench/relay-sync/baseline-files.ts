import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the bare server finds a document's starting state: one file per document. */
export function baselineFile(dir: string, name: string): string {
  return join(dir, `${encodeURIComponent(name)}.bin`);
}

export function writeBaselineFiles(dir: string, states: Map<string, Uint8Array>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, state] of states) writeFileSync(baselineFile(dir, name), state);
}
