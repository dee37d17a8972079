// CLI entry of the sandbox: `npm run sandbox -- [--port N] [--signing-key FILE] [--cors lenient|strict]`.
import { parseSandboxArgs } from './args';
import { startSandbox } from './server';

async function main(): Promise<void> {
  const parsed = parseSandboxArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.error);
    process.exit(2);
  }
  const { port, signingKeyPath, cors } = parsed.args;
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      ...(signingKeyPath !== undefined && { signingKeyPath }),
      ...(cors !== undefined && { cors }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`sandbox: could not start: ${message}`);
    process.exit(1);
  }
  console.log(`sandbox listening on ${sandbox.url}`);
  console.log(
    `demo client_id=${sandbox.credentials.clientId} client_secret=${sandbox.credentials.clientSecret}`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
