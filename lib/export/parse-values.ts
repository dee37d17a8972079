// Reading untrusted report values: capped text, finite numbers, findings, and bounded JSON copies.
import { isRecord } from '../guards';
import type { ReportFinding } from './schema';

/** Longest text read from a report. */
const MAX_TEXT = 4096;
/** Findings read per token or session. */
const MAX_FINDINGS = 200;
/** Deepest JSON copied. */
const MAX_DEPTH = 48;

/** What is left of a report's JSON-copy allowance. */
export interface Budget {
  nodes: number;
}

/** A string, capped; undefined for anything else. */
export function readText(value: unknown, max = MAX_TEXT): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** A finite number; undefined for anything else. */
export function readNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Up to MAX_FINDINGS well-formed findings (code, severity, message as capped text). */
export function readFindings(value: unknown): ReportFinding[] {
  if (!Array.isArray(value)) return [];
  const findings: ReportFinding[] = [];
  for (const entry of value.slice(0, MAX_FINDINGS)) {
    if (!isRecord(entry)) continue;
    const code = readText(entry.code, 64);
    const severity = readText(entry.severity, 16);
    const message = readText(entry.message);
    if (code === undefined || severity === undefined || message === undefined) continue;
    const recommendation = readText(entry.recommendation);
    findings.push({
      code,
      severity,
      message,
      ...(recommendation !== undefined && { recommendation }),
    });
  }
  return findings;
}

/** A copy of parsed JSON within the budget (strings capped, depth bounded); never throws. */
export function copyJson(value: unknown, budget: Budget, depth = 0): unknown {
  budget.nodes -= 1;
  if (budget.nodes < 0 || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => copyJson(item, budget, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a `__proto__` key stays a plain key instead of replacing the prototype.
      Object.defineProperty(out, readText(key, 256) ?? '', {
        value: copyJson(item, budget, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (typeof value === 'string') return readText(value, 64 * 1024);
  if (typeof value === 'boolean' || value === null) return value;
  return readNumber(value) ?? null;
}
