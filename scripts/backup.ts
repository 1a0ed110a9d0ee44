import { backupRelay } from './backup/relay-backup';

/** npm run backup -- <file>: a consistent copy of the relay's data (safe while it runs). */
const [file] = process.argv.slice(2);
if (!file || file.startsWith('-')) {
  console.error('Usage: npm run backup -- <file>   (PATHBOOK_DATA_DIR is the relay\'s data directory, default ./data)');
  process.exit(2);
}
backupRelay(process.env.PATHBOOK_DATA_DIR?.trim() || './data', file).then(
  (r) => console.log(`Backed up ${r.documents} documents and the signing key to ${r.file} (${Math.round(r.bytes / 1024)} KB). Keep it private: it holds the key that signs devices in.`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
