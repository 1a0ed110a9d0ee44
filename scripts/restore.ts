import { restoreRelay } from './backup/relay-backup';

/** npm run restore -- <file>: puts a backup in the relay's data directory (stop the relay first). */
const [file] = process.argv.slice(2);
if (!file || file.startsWith('-')) {
  console.error('Usage: npm run restore -- <file>   (stop the relay first; PATHBOOK_DATA_DIR is its data directory, default ./data)');
  process.exit(2);
}
restoreRelay(file, process.env.PATHBOOK_DATA_DIR?.trim() || './data').then(
  (r) =>
    console.log(
      [
        `Restored ${r.documents} documents and the signing key into ${r.dataDir}.`,
        r.movedAside ? `What was there before is kept in ${r.movedAside}.` : '',
        'Start the relay: devices sign in as before and send whatever they hold that is newer than the backup.',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
