import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeSchoolCertificates } from './tls/school-certificates';

/**
 * npm run make-certificate -- --host school.pathbook.test --ip 192.168.1.10 [--out data/tls] [--school "Maple Primary"]
 * Makes (or reuses) the school's certificate authority and a server certificate for the relay.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', multiple: true, default: [] },
      ip: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      school: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run make-certificate -- --host <name> [--host <name>...] [--ip <address>...] [--out <dir>] [--school <name>]\n' +
        'Makes a school certificate authority (once; reused after) and a server certificate for these names and\n' +
        'addresses, in <dir> (default: $PATHBOOK_DATA_DIR/tls, else ./data/tls). localhost and 127.0.0.1 are always included.',
    );
    return;
  }
  const dir = resolve(values.out ?? `${process.env.PATHBOOK_DATA_DIR?.trim() || './data'}/tls`);
  const hosts = [...new Set([...values.host, 'localhost'])];
  const ips = [...new Set([...values.ip, '127.0.0.1'])];
  const files = await makeSchoolCertificates(dir, { hosts, ips, schoolName: values.school });
  console.log(
    [
      files.reusedCa ? `Reused the school certificate authority in ${files.caCert}.` : `Made a school certificate authority: ${files.caCert} (its key ${files.caKey}: keep it secret).`,
      `Made a server certificate for ${[...hosts, ...ips].join(', ')}.`,
      '',
      'Start the relay with:',
      `  HOST=0.0.0.0 PORT=443 PATHBOOK_HTTP_PORT=80 PATHBOOK_TLS_CERT=${files.serverCert} PATHBOOK_TLS_KEY=${files.serverKey} npm start`,
      `Then on each device open http://${hosts[0] === 'localhost' ? (ips[0] ?? 'localhost') : hosts[0]}/trust and follow the steps.`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
