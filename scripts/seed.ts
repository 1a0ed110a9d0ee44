/**
 * `npm run seed`: the seeded 40-student class with a school year of work (scripts/seed/generate.ts).
 *
 * 1. Writes `data/seed/demo-class.json`: every document as a base64 Yjs update, the file the
 *    browser tests, screenshots and benchmarks load into a device (test/e2e/support/teacher-seed.ts).
 * 2. Puts the same class into the relay's store (`$PATHBOOK_DATA_DIR/pathbook.sqlite`, default
 *    ./data) with a demo teacher account that teaches it, so a device can sign in and sync it.
 *    Run it with the relay stopped, or on a fresh class id (it always is: ids come from the seed).
 *
 * Options: --seed=N (default 2026), --students=N (default 40), --no-relay (file only).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { seedClass } from './seed/generate';

export const DEMO_EMAIL = 'demo.teacher@pathbook.test';
export const DEMO_PASSWORD = 'pathbook-demo';

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split('=')[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

async function main(): Promise<void> {
  const started = Date.now();
  const seeded = seedClass({ seed: option('seed', 2026), students: option('students', 40) });
  const dataDir = resolve(process.env.PATHBOOK_DATA_DIR ?? './data');
  const outDir = join(dataDir, 'seed');
  mkdirSync(outDir, { recursive: true });
  const docs = [...seeded.docs].map(([name, doc]) => ({ name, update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') }));
  const file = join(outDir, 'demo-class.json');
  writeFileSync(file, JSON.stringify({ classId: seeded.classId, className: seeded.className, students: seeded.students, docs }));
  const bytes = docs.reduce((n, d) => n + d.update.length * 0.75, 0);
  console.log(`Seeded "${seeded.className}": ${seeded.students.length} students, ${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB of Yjs, in ${Date.now() - started} ms`);
  console.log(`  file:  ${file}`);
  if (process.argv.includes('--no-relay')) return;

  // Loaded only here, so the file-only mode needs no native module.
  const { openDatabase } = await import('../src/relay/db/open');
  const { Accounts } = await import('../src/relay/accounts');
  const { Attempts } = await import('../src/relay/rate-limits');
  const { Classes } = await import('../src/relay/classes');
  const { DocumentRows } = await import('../src/relay/persistence');
  const { DEFAULT_LIMITS } = await import('../src/relay/config');
  const { HashQueue } = await import('../src/relay/hash-queue');
  const db = openDatabase(join(dataDir, 'pathbook.sqlite'));
  try {
    const accounts = new Accounts(db, {
      attempts: new Attempts(db, 24 * 3600),
      limits: DEFAULT_LIMITS,
      hashQueue: new HashQueue(1, 0),
      hashCost: 15,
      knownDevice: () => false,
    });
    const teacher = accounts.byEmail(DEMO_EMAIL) ?? (await accounts.signUp({ email: DEMO_EMAIL, password: DEMO_PASSWORD, name: 'Ms Rivera' }));
    const { record } = new Classes(db).connect(teacher.id, seeded.classId, seeded.className);
    const rows = new DocumentRows(db);
    db.transaction(() => {
      for (const [name, doc] of seeded.docs) {
        // Merge with what the relay already holds, so seeding twice never drops an edit made since.
        const stored = rows.load(name);
        if (stored) Y.applyUpdate(stored, Y.encodeStateAsUpdate(doc));
        rows.write(name, Y.encodeStateAsUpdate(stored ?? doc));
      }
    })();
    console.log(`  relay: ${join(dataDir, 'pathbook.sqlite')} — sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}; join code ${record.joinCode}`);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
