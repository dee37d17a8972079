// The committed Uqudo fixtures are exactly what the sandbox's builders generate (run write-fixtures.ts to refresh).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, buildFixtures, formatFixture } from './fixtures';

describe('lib/uqudo/fixtures', () => {
  const fixtures = buildFixtures();

  it('holds one file per generated fixture and nothing else', () => {
    const files = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual(
      Object.keys(fixtures)
        .map((name) => `${name}.json`)
        .sort(),
    );
  });

  it.each(Object.keys(buildFixtures()))('%s.json is in sync with the sandbox builders', (name) => {
    const committed = readFileSync(new URL(`${name}.json`, FIXTURES_DIR), 'utf8');
    // On failure: npx tsx sandbox/write-fixtures.ts
    expect(committed).toBe(formatFixture(fixtures[name]!));
  });
});
