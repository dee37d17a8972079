// Regenerates lib/uqudo/fixtures/*.json from the sandbox's builders: `npx tsx sandbox/write-fixtures.ts`.
import { writeFileSync } from 'node:fs';
import { FIXTURES_DIR, buildFixtures, formatFixture } from './fixtures';

for (const [name, payload] of Object.entries(buildFixtures())) {
  writeFileSync(new URL(`${name}.json`, FIXTURES_DIR), formatFixture(payload));
  console.log(`wrote lib/uqudo/fixtures/${name}.json`);
}
