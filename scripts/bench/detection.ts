// Bench rows: findTokens and extractSightings on plain and adversarial bodies, against the regex.
import type { CapturedExchange } from '../../lib/capture/exchange';
import { extractSightings } from '../../lib/capture/extract';
import { loadJsonPrefixWasm } from '../../lib/capture/json-prefix-engine';
import { findTokens } from '../../lib/jose/find';
import {
  countRegexMatches,
  dotChainedHeaders,
  jsonBody,
  longEyjRuns,
  MB,
  nearMissText,
  textBody,
} from './bodies';
import { ratioRow, valueRow, type BenchRow } from './measure';

/** Detection on ordinary bodies: at most twice the regex (jumping between `indexOf` hits). */
const FIND_BUDGET = 2;
/** Extraction adds JSON paths and the other parts of the exchange: at most 3× the regex. */
const EXTRACT_BUDGET = 3;
/**
 * JSON bodies with 1,000 tokens: 1,000 JSON paths attributed (the regex attributes none) from a
 * structural read of the whole body — the WebAssembly reader alone costs about 1.5× the regex at
 * 10 MB, copy included — so 3.5×, still under the hostile shapes' 5×.
 */
const EXTRACT_MANY_JSON_BUDGET = 3.5;
/** Hostile shapes: at most 5× the regex per MB. */
const ADVERSARIAL_BUDGET = 5;
/** Paired samples per row (the median of 11 per-pair ratios). */
const RUNS = 11;
/** Linear: the ratio to the (linear) regex at 10× the size within 1.5× of the ratio at 1 MB. */
const LINEAR_BUDGET = 1.5;

interface BodyCase {
  input: string;
  body: string;
  mimeType: string;
  adversarial: boolean;
  /** extractSightings' budget when not EXTRACT_BUDGET (or ADVERSARIAL_BUDGET). */
  extractBudget?: number;
}

const REGEX = 'regex eyJ….….… over the same string';

function exchangeWith(body: string, mimeType: string): CapturedExchange {
  return {
    id: 'bench',
    time: 0,
    method: 'GET',
    url: 'https://app.example/api/items?page=1',
    status: 200,
    requestHeaders: [{ name: 'Accept', value: 'application/json' }],
    responseHeaders: [{ name: 'Content-Type', value: mimeType }],
    responseBody: body,
    responseMimeType: mimeType,
    source: 'network',
  };
}

function sizeLabel(chars: number): string {
  return chars >= MB ? `${chars / MB} MB` : `${chars / 1000} KB`;
}

function plainCases(quick: boolean): BodyCase[] {
  const cases: BodyCase[] = [];
  const sizes = quick ? [100_000, MB] : [100_000, MB, 10 * MB];
  for (const [kind, make, mimeType] of [
    ['JSON', jsonBody, 'application/json'],
    ['text', textBody, 'text/plain'],
  ] as const) {
    for (const chars of sizes) {
      for (const tokens of chars >= MB ? [0, 1, 1000] : [0, 1]) {
        const body = make(chars, tokens);
        const label = `${sizeLabel(chars)} ${kind}, ${tokens} token${tokens === 1 ? '' : 's'}`;
        const extractBudget =
          kind === 'JSON' && tokens === 1000 ? EXTRACT_MANY_JSON_BUDGET : undefined;
        cases.push({ input: label, body, mimeType, adversarial: false, extractBudget });
      }
    }
  }
  cases.push({
    input: '1 MB JSON, 0 tokens, one stray eyJ',
    body: jsonBody(MB, 0, { stray: true }),
    mimeType: 'application/json',
    adversarial: false,
  });
  // JSON is read up to its last token: with the token in the last record, all of it is read.
  for (const chars of quick ? [MB] : [MB, 10 * MB]) {
    cases.push({
      input: `${sizeLabel(chars)} JSON, 1 token in the last record`,
      body: jsonBody(chars, 1, { tokenLast: true }),
      mimeType: 'application/json',
      adversarial: false,
    });
  }
  return cases;
}

function adversarialCases(quick: boolean): BodyCase[] {
  const big = quick ? [MB] : [MB, 10 * MB];
  const cases: BodyCase[] = [];
  for (const chars of big) {
    cases.push({
      input: `${sizeLabel(chars)} dot-chained valid-looking headers`,
      body: dotChainedHeaders(chars),
      mimeType: 'text/plain',
      adversarial: true,
    });
    cases.push({
      input: `${sizeLabel(chars)} near-miss eyJ fragments`,
      body: nearMissText(chars),
      mimeType: 'text/plain',
      adversarial: true,
    });
  }
  // Distinct tokens with one signature: what keys the extractor's duplicate check is the same for all.
  cases.push({
    input: '1 MB text, 1000 tokens sharing one signature',
    body: textBody(MB, 1000, true),
    mimeType: 'text/plain',
    adversarial: true,
  });
  // The regex is quadratic on these (it backtracks over each run), so sizes stay small.
  for (const chars of [100_000, MB]) {
    cases.push({
      input: `${sizeLabel(chars)} long eyJ runs`,
      body: longEyjRuns(chars),
      mimeType: 'text/plain',
      adversarial: true,
    });
  }
  return cases;
}

/**
 * Growth of the ratio to the regex (which is linear on these shapes) from the smaller body to the
 * larger: 1× means the finder's cost per MB stays put. Both ratios come from interleaved samples,
 * so load on the machine cancels out.
 */
function linearityRow(name: string, small: BenchRow, large: BenchRow): BenchRow {
  return valueRow({
    group: 'detection',
    name: `${name} linear`,
    input: `${large.input} vs ${small.input}`,
    unit: '×',
    value: large.value.median / small.value.median,
    budget: LINEAR_BUDGET,
    baseline: 'ratio to the regex at 10× the size / ratio at 1 MB',
  });
}

/** All detection and extraction rows. `quick` leaves out the 10 MB bodies. */
export async function benchDetection(quick: boolean): Promise<BenchRow[]> {
  // Extraction as the panel and the CLI run it: JSON bodies read by the WebAssembly reader.
  if (!(await loadJsonPrefixWasm())) throw new Error('the WebAssembly JSON reader did not load');
  const rows: BenchRow[] = [];
  for (const item of [...plainCases(quick), ...adversarialCases(quick)]) {
    rows.push(
      await ratioRow(
        {
          group: 'detection',
          name: 'findTokens',
          input: item.input,
          budget: item.adversarial ? ADVERSARIAL_BUDGET : FIND_BUDGET,
          baseline: REGEX,
        },
        () => findTokens(item.body),
        () => countRegexMatches(item.body),
        { runs: RUNS },
      ),
    );
    const exchange = exchangeWith(item.body, item.mimeType);
    rows.push(
      await ratioRow(
        {
          group: 'detection',
          name: 'extractSightings',
          input: item.input,
          budget: item.adversarial ? ADVERSARIAL_BUDGET : (item.extractBudget ?? EXTRACT_BUDGET),
          baseline: REGEX,
        },
        () => extractSightings(exchange),
        () => countRegexMatches(item.body),
        { runs: RUNS },
      ),
    );
  }
  if (!quick) {
    for (const shape of ['dot-chained valid-looking headers', 'near-miss eyJ fragments']) {
      const find = (chars: number) =>
        rows.find((r) => r.name === 'findTokens' && r.input === `${sizeLabel(chars)} ${shape}`);
      const small = find(MB);
      const large = find(10 * MB);
      if (small && large) rows.push(linearityRow(`findTokens, ${shape}`, small, large));
    }
  }
  return rows;
}
