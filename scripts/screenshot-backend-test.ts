// Takes docs/backend-test.png: the real panel's "Test my backend" table against the sandbox's naive backend.
// Run: npm run build && npx tsx scripts/screenshot-backend-test.ts
import { resolve } from 'node:path';
import {
  grantHostAccess,
  runBackendTest,
  selectBackendPost,
} from '../tests/e2e/backend-test-steps';
import { byTestId, openSandboxPanel, runScenario } from '../tests/e2e/harness';

const OUTPUT = resolve('docs/backend-test.png');

async function main(): Promise<void> {
  const { sandbox, session } = await openSandboxPanel();
  try {
    // Headless DevTools docks right with a fixed-width panel; a tall window lets the detail pane
    // show the whole section, so the element screenshot is not clipped by its scroller.
    await session.devtools.setViewport({ width: 1280, height: 1500 });
    await fetch(`${sandbox.url}/demo/backend/reset`, { method: 'POST' });
    await grantHostAccess(session, sandbox.url);
    await session.page.select('#backend-mode', 'naive');
    await runScenario(session.page, 'run-expired');
    const jti = await runScenario(session.page, 'run-passport');
    await selectBackendPost(session.panel, jti);
    const { outcomes } = await runBackendTest(session.panel);
    const section = await session.panel.$(byTestId('backend-test'));
    if (!section) throw new Error('the backend-test section is not shown');
    await section.scrollIntoView();
    // Two frames after the scroll, so the screenshot shows what was painted there.
    await session.panel.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await section.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}: ${JSON.stringify(outcomes)}`);
  } finally {
    await session.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
