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
    const frame = await session.panel.frameElement();
    const frameBox = await frame?.boundingBox();
    if (!frameBox) throw new Error('the panel frame is not laid out');
    // The section's box inside the panel, once scrolled into view and painted.
    const box = await session.panel.$eval(
      byTestId('backend-test'),
      (el) =>
        new Promise<{ x: number; y: number; width: number; height: number }>((done) => {
          el.scrollIntoView({ block: 'start' });
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const r = el.getBoundingClientRect();
              done({ x: r.x, y: r.y, width: r.width, height: r.height });
            }),
          );
        }),
    );
    await session.devtools.screenshot({
      path: OUTPUT,
      clip: { x: frameBox.x + box.x, y: frameBox.y + box.y, width: box.width, height: box.height },
    });
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
