// ExchangeLog: the bounded, memory-only record of the exchanges an export needs (requests of sessions and tokens).
import type { CapturedExchange } from '../capture/exchange';
import { extractSessionEvidence, type SessionEvidence } from '../session/evidence';

/** Exchanges kept (oldest dropped first). */
const MAX_ENTRIES = 5_000;
/** Characters of bodies kept in all (oldest dropped first): the log must not outgrow the list. */
const MAX_BODY_CHARS = 16 * 1024 * 1024;
/** Longest body kept per exchange; longer ones are cut (the export says so). */
const MAX_BODY_PER_EXCHANGE = 1024 * 1024;

/** One exchange as an export sees it: the exchange, its session evidence and its list rows. */
export interface LogEntry {
  /** Unique within the log (HAR imports reuse exchange ids). */
  key: string;
  exchange: CapturedExchange;
  /** Evidence with `id` = `key`, so session timelines point at log entries. */
  evidence: SessionEvidence;
  /** Ids of the captures (list rows) made from this exchange. */
  captureIds: string[];
}

function capBody(body: string | undefined): string | undefined {
  return body !== undefined && body.length > MAX_BODY_PER_EXCHANGE
    ? body.slice(0, MAX_BODY_PER_EXCHANGE)
    : body;
}

function bodyChars(exchange: CapturedExchange): number {
  return (exchange.requestBody?.length ?? 0) + (exchange.responseBody?.length ?? 0);
}

/** Remembers exchanges that carried tokens or belong to a Uqudo session, within fixed bounds. */
export class ExchangeLog {
  private entries: LogEntry[] = [];
  private head = 0;
  private chars = 0;
  private seq = 0;

  /** Records an exchange when it matters to an export; O(1) amortised. */
  record(
    exchange: CapturedExchange,
    captureIds: readonly string[],
    evidence: SessionEvidence = extractSessionEvidence(exchange),
  ): void {
    const relevant =
      captureIds.length > 0 ||
      evidence.uqSessionId !== undefined ||
      evidence.uqNonce !== undefined ||
      evidence.tokenRequest;
    if (!relevant) return;
    this.seq += 1;
    const key = `r${this.seq}`;
    const kept: CapturedExchange = { ...exchange };
    const requestBody = capBody(exchange.requestBody);
    const responseBody = capBody(exchange.responseBody);
    if (requestBody !== undefined) kept.requestBody = requestBody;
    if (responseBody !== undefined) kept.responseBody = responseBody;
    this.entries.push({
      key,
      exchange: kept,
      evidence: { ...evidence, id: key },
      captureIds: [...captureIds],
    });
    this.chars += bodyChars(kept);
    this.trim();
  }

  private trim(): void {
    while (
      this.entries.length - this.head > MAX_ENTRIES ||
      (this.chars > MAX_BODY_CHARS && this.entries.length - this.head > 1)
    ) {
      const oldest = this.entries[this.head]!;
      this.chars -= bodyChars(oldest.exchange);
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** The entries, oldest first. */
  list(): LogEntry[] {
    return this.entries.slice(this.head);
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.chars = 0;
  }
}
