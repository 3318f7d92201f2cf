import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config/config.ts';
import { createContainer } from './container.ts';
import { startWorker } from './jobs/index.ts';

/** Opens everything, prints the first admin's password once, serves until SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<void> {
  const container = await createContainer(config);
  await container.prepare();
  const app = await buildApp(container);
  const admin = await container.modules.system.service.bootstrap();
  await app.listen({ port: config.PORT, host: config.HOST });
  const { clock, jobs: queue, modules } = container;
  const worker = startWorker({ db: container.database.db, clock, queue, modules, log: app.log });
  if (admin) {
    // Printed to the terminal once, never logged: the account asks for a new password at first sign-in.
    process.stdout.write(
      `\n  threatshare is set up. Sign in at ${config.PUBLIC_URL} as the operator's first admin:\n` +
        `    e-mail:   ${admin.email}\n    password: ${admin.password}\n` +
        '  This password is shown once and must be changed at first sign-in.\n\n',
    );
  }
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    container.modules.system.service.startDraining();
    await app.close();
    await worker.stop();
    await container.close();
  });
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  try {
    await serve(loadConfig());
  } catch (error) {
    process.stderr.write(`threatshare: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
}
