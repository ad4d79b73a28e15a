import { statSync } from 'node:fs';
import { buildApp } from './app';
import { ConfigError, loadSecret, readConfig } from './config';
import { seedDemo } from './demo/seedDemo';
import { createStore } from './store/createStore';
import { newId } from '../shared/util/ids';
import { nowIso } from '../shared/util/time';

/**
 * The sync server: `npm run server` (add `-- --demo` or FIELDBOOK_DEMO=1 for demo data on
 * an empty store). Stops gracefully on SIGTERM/SIGINT: no new connections, in-flight pushes
 * finish, then the store closes.
 */
async function main(): Promise<void> {
  const config = readConfig();
  if (config.updatesDir && !statSync(config.updatesDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError([`FIELDBOOK_UPDATES_DIR=${config.updatesDir} is not a folder`]);
  }
  const secret = loadSecret(config);
  const store = await createStore({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
  await store.migrate();
  const deps = { store, now: nowIso, newId };

  const demo = process.env.FIELDBOOK_DEMO === '1' || process.argv.slice(2).includes('--demo');
  if (demo && (await store.listUsers()).length === 0) {
    const result = await seedDemo(store, deps);
    const names = result.users.map((u) => u.userName).join(', ');
    console.log(`Demo data: ${result.customers} customers; users ${names}; password "${result.password}" (shown only now)`);
  }

  const app = await buildApp({ ...deps, secret, config });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Fieldbook sync server (${store.kind}) listening on http://${host}:${port}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      console.error('Shutdown took more than 30 s: exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    app
      .close()
      .then(() => store.close())
      .then(
        () => {
          app.log.info('stopped: in-flight requests finished, store closed');
          process.exit(0);
        },
        (error: unknown) => {
          console.error('Shutdown failed:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Fieldbook sync server failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
