// Test helpers for the summary modules: fixtures from lib/uqudo/fixtures and item lookup.
import { readFileSync } from 'node:fs';
import type { DocumentSummary, SectionId, SummaryItem, UqudoSummary } from './types';

/** 2026-01-01T00:00:00Z, when every fixture is issued. */
export const FIXTURE_NOW = Date.UTC(2026, 0, 1);

/** A fresh copy of a fixture payload, optionally edited (`change` gets `data`). */
export function loadFixture(name: string, change?: (data: any) => void): Record<string, any> {
  const payload = JSON.parse(
    readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, any>;
  change?.(payload.data);
  return payload;
}

/** The item labelled `label` in section `id`; throws when missing so a test says what it missed. */
export function findSummaryItem(
  owner: DocumentSummary | UqudoSummary,
  id: SectionId,
  label: string,
): SummaryItem {
  const found = owner.sections.find((s) => s.id === id)?.items.find((i) => i.label === label);
  if (!found) throw new Error(`no item "${label}" in section ${id}`);
  return found;
}
