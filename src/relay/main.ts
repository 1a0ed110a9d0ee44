import { ConfigError, helpText, optionsFromEnv } from './config';
import { startRelay } from './relay';
import { SYNC_PATH } from '../protocol/sync-socket';
import { limitConsole } from './console-limit';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(helpText());
    return;
  }
  if (args.length > 0) {
    console.error(`Unknown argument: ${args[0]}\n\n${helpText()}`);
    process.exit(2);
  }
  const relay = await startRelay(optionsFromEnv(process.env));
  limitConsole(relay.config.logLinesPerMinute);
  // Tests and scripts read this line to find the port (PORT=0 picks a free one).
  console.log(`Pathbook relay listening on ${relay.url} (sync ${relay.url.replace(/^http/, 'ws')}${SYNC_PATH}, data ${relay.config.dataDir})`);
  if (relay.redirectPort !== null) console.log(`Plain HTTP on port ${relay.redirectPort}: /trust (the school certificate for devices) and redirects to https.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for saves to finish.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: writing pending documents, then exiting.`);
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // A stray rejected promise must not take down the relay with unsaved documents in memory.
  process.on('unhandledRejection', (reason) => console.error('[pathbook] unhandled rejection', reason));
  // Each request, socket and hook handles its own failures (a bad one gets a 4xx or its socket
  // closed). Anything that still escapes is a bug on one request's path: exiting would disconnect
  // every device in the school and drop documents not yet written, which is worse than going on.
  process.on('uncaughtException', (error) => console.error('[pathbook] uncaught exception (still serving)', error));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
