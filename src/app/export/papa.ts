import type * as Papa from 'papaparse';

/** papaparse, loaded on first use (it is CommonJS: its functions sit on the module or on `default`, by bundler). */
export async function loadPapa(): Promise<typeof Papa> {
  const mod: unknown = await import('papaparse');
  return ((mod as { default?: typeof Papa }).default ?? mod) as typeof Papa;
}
