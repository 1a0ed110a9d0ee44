import type { IncomingMessage, ServerResponse } from 'node:http';

export const TRUST_PATH = '/trust';
export const CA_DOWNLOAD_PATH = '/trust/pathbook-school-ca.crt';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page a device opens to trust the school's certificate authority, with the certificate to
 * download. Served over plain HTTP too (a device that does not trust the CA yet cannot open the
 * HTTPS address without a warning). English only: it is the relay's page for whoever sets up the
 * devices, not part of the app (the app's screens are translated).
 */
function page(caPem: string | null, appUrl: string | null): string {
  const open = appUrl ? `<a href="${escapeHtml(appUrl)}">${escapeHtml(appUrl)}</a>` : 'the school\'s https:// address for Pathbook';
  const body = caPem
    ? `<p>Pathbook at this school uses a certificate made by the school itself. Each device must trust it once, so that
Pathbook can open over a secure (https) address and keep working without a connection.</p>
<p><a class="download" href="${CA_DOWNLOAD_PATH}" download>Download the school certificate</a></p>
<h2>Android</h2>
<ol><li>Download the certificate above.</li><li>Open <b>Settings → Security → More security settings → Encryption &amp; credentials → Install a certificate → CA certificate</b> (the names differ a little between phones; search Settings for "CA certificate").</li>
<li>Choose <b>Install anyway</b>, then pick the downloaded file.</li></ol>
<h2>Chromebook (ChromeOS)</h2>
<ol><li>Download the certificate above.</li><li>Open <b>chrome://settings/certificates</b>, then <b>Authorities → Import</b>.</li>
<li>Pick the file and tick <b>Trust this certificate for identifying websites</b>. On managed Chromebooks the school's admin can push it to every device instead.</li></ol>
<h2>Windows</h2>
<ol><li>Download the certificate above and open it.</li><li>Choose <b>Install Certificate → Local Machine</b> (or Current User) → <b>Place all certificates in the following store → Trusted Root Certification Authorities</b> → Finish.</li>
<li>Restart the browser.</li></ol>
<h2>iPad and iPhone</h2>
<ol><li>Open this page in <b>Safari</b> and download the certificate; allow the profile download.</li>
<li>Open <b>Settings → General → VPN &amp; Device Management</b>, tap the downloaded profile and <b>Install</b>.</li>
<li>Open <b>Settings → General → About → Certificate Trust Settings</b> and turn on full trust for the school certificate.</li></ol>
<h2>Then</h2>
<p>Open ${open}. It should open with no warning. Install Pathbook from the browser's menu (<b>Install app</b> or <b>Add to Home Screen</b>).</p>`
    : `<p>This Pathbook server uses a certificate your devices already trust (or none): there is nothing to install.
Open ${open}.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trust this school's Pathbook server</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}h2{margin-top:1.5rem;font-size:1.15rem}
.download{display:inline-block;padding:.6rem 1rem;background:#1d5c8f;color:#fff;border-radius:.4rem;text-decoration:none;font-weight:600}</style>
</head><body><h1>Trust this school's Pathbook server</h1>${body}</body></html>`;
}

/**
 * Answers /trust and the CA download; returns false for any other path. `appUrl` is the HTTPS
 * address to send people to afterwards (null when not known).
 */
export function serveTrust(req: IncomingMessage, res: ServerResponse, pathname: string, caPem: string | null, appUrl: string | null): boolean {
  if (pathname !== TRUST_PATH && pathname !== `${TRUST_PATH}/` && pathname !== CA_DOWNLOAD_PATH) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return true;
  }
  if (pathname === CA_DOWNLOAD_PATH) {
    if (!caPem) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This server has no school certificate authority.\n');
      return true;
    }
    res.writeHead(200, {
      'Content-Type': 'application/x-x509-ca-cert',
      'Content-Disposition': 'attachment; filename="pathbook-school-ca.crt"',
      'Content-Length': Buffer.byteLength(caPem),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : caPem);
    return true;
  }
  const html = page(caPem, appUrl);
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(req.method === 'HEAD' ? undefined : html);
  return true;
}

/** The host name a request came to, without its port; null when the Host header is unusable. */
export function requestHostname(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host || !/^[\w.-]+(:\d+)?$|^\[[\da-f:.]+\](:\d+)?$/i.test(host)) return null;
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

/** An origin for a host name and port, leaving out the scheme's default port. */
export function originFor(scheme: 'http' | 'https', hostname: string, port: number): string {
  const standard = (scheme === 'https' && port === 443) || (scheme === 'http' && port === 80);
  return `${scheme}://${hostname}${standard ? '' : `:${port}`}`;
}

/**
 * The /trust address to give devices: on the plain-HTTP port when there is one (a device that does
 * not trust the CA yet opens it without a warning), else on the app's own origin.
 */
export function trustUrl(appOrigin: string, httpPort: number | null): string {
  if (httpPort === null) return `${appOrigin}${TRUST_PATH}`;
  const hostname = new URL(appOrigin).hostname;
  return `${originFor('http', hostname, httpPort)}${TRUST_PATH}`;
}
