// SessionSummaryTally: the findings summary kept up to date session by session instead of recounted over all sessions.
import type { SessionFinding, SessionFindingCode, SessionSummary } from './findings';

interface Counted {
  /** Creation order of the session in its index (newer sessions have larger numbers). */
  seq: number;
  findings: readonly SessionFinding[];
}

/**
 * The summary of summarizeSessions (over the sessions newest first), maintained as sessions are
 * added and rebuilt: `set` counts a session's findings in and its previous findings out, so an update
 * costs the sessions it touched. `byCode` keeps summarizeSessions' key order — a code's place is that
 * of its first finding in the newest session that has it — which the summary chips are shown in.
 */
export class SessionSummaryTally {
  private readonly sessions = new Map<string, Counted>();
  private readonly counts = new Map<SessionFindingCode, number>();
  /** Per code, the sessions having it; and the newest of them (undefined: to be looked up). */
  private readonly holders = new Map<SessionFindingCode, Set<string>>();
  private readonly newest = new Map<SessionFindingCode, string | undefined>();
  private errors = 0;
  private warnings = 0;
  private published: SessionSummary | undefined;

  /** Counts `findings` as those of session `id`, created `seq`-th in its index. */
  set(id: string, seq: number, findings: readonly SessionFinding[]): void {
    const previous = this.sessions.get(id);
    if (previous?.findings === findings) return;
    const before = new Set(previous?.findings.map((finding) => finding.code));
    const after = new Set(findings.map((finding) => finding.code));
    if (previous) this.count(previous.findings, -1);
    this.count(findings, 1);
    this.sessions.set(id, { seq, findings });
    for (const code of before) if (!after.has(code)) this.release(code, id);
    for (const code of after) this.hold(code, id, seq);
    this.published = undefined;
  }

  clear(): void {
    this.sessions.clear();
    this.counts.clear();
    this.holders.clear();
    this.newest.clear();
    this.errors = 0;
    this.warnings = 0;
    this.published = undefined;
  }

  /** The summary; the same object until a session's findings change. */
  summary(): SessionSummary {
    this.published ??= {
      sessions: this.sessions.size,
      errors: this.errors,
      warnings: this.warnings,
      byCode: this.byCode(),
    };
    return this.published;
  }

  private byCode(): SessionSummary['byCode'] {
    const places = [...this.holders.keys()].map((code) => {
      const holder = this.sessions.get(this.newestHolder(code)) as Counted;
      const index = holder.findings.findIndex((finding) => finding.code === code);
      return { code, seq: holder.seq, index };
    });
    places.sort((a, b) => b.seq - a.seq || a.index - b.index);
    const byCode: SessionSummary['byCode'] = {};
    for (const { code } of places) byCode[code] = this.counts.get(code);
    return byCode;
  }

  private newestHolder(code: SessionFindingCode): string {
    let id = this.newest.get(code);
    if (id === undefined) {
      let seq = Number.NEGATIVE_INFINITY;
      for (const holder of this.holders.get(code) ?? []) {
        const counted = this.sessions.get(holder) as Counted;
        if (counted.seq > seq) [id, seq] = [holder, counted.seq];
      }
      this.newest.set(code, id);
    }
    return id as string;
  }

  private hold(code: SessionFindingCode, id: string, seq: number): void {
    let holders = this.holders.get(code);
    if (!holders) this.holders.set(code, (holders = new Set()));
    holders.add(id);
    const newest = this.newest.get(code);
    if (newest !== undefined && (this.sessions.get(newest) as Counted).seq < seq) {
      this.newest.set(code, id);
    } else if (holders.size === 1) this.newest.set(code, id);
  }

  private release(code: SessionFindingCode, id: string): void {
    const holders = this.holders.get(code);
    holders?.delete(id);
    if (!holders || holders.size === 0) {
      this.holders.delete(code);
      this.newest.delete(code);
    } else if (this.newest.get(code) === id) this.newest.set(code, undefined);
  }

  private count(findings: readonly SessionFinding[], change: 1 | -1): void {
    for (const finding of findings) {
      this.counts.set(finding.code, (this.counts.get(finding.code) ?? 0) + change);
      if (finding.severity === 'error') this.errors += change;
      else this.warnings += change;
    }
  }
}
