// The detail's facts of a capture (where, session id, Uqudo summary), apart from selectors.ts so the summary loads with the detail.
import { findInnermost, type Inspection } from '../jose/inspect';
import { findSessionId } from '../uqudo/session-id';
import { summarizeUqudoResult, type ImageRef, type UqudoSummary } from '../uqudo/summary';
import type { Capture } from './capture';
import type { InspectorState } from './state';
import { describeWhere } from './text';

/** What the detail of a capture derives from its inspection, computed once per inspection. */
export interface CaptureFacts {
  /** Where the token was seen, in words. */
  where: string;
  /** The Uqudo session id (data.sessionId for face sessions, else jti). */
  sessionId: string | undefined;
  /** The Uqudo summary of the innermost result, when it is a Uqudo result. */
  summary: UqudoSummary | undefined;
  /** The summary's image references ([] when none). */
  images: readonly ImageRef[];
}

const factsCache = new WeakMap<Capture, CaptureFacts>();

/** The derived facts of one capture (memoised on the capture object, which changes with its inspection). */
export function selectCaptureFacts(capture: Capture): CaptureFacts {
  const cached = factsCache.get(capture);
  if (cached) return cached;
  const inspection = capture.inspection;
  const summary = inspection ? summaryOf(inspection) : undefined;
  const facts: CaptureFacts = {
    where: describeWhere(capture),
    sessionId: inspection ? findSessionId(inspection) : undefined,
    summary,
    images: summary?.images ?? [],
  };
  factsCache.set(capture, facts);
  return facts;
}

/** The selected capture's derived facts (undefined without a selection). */
export function selectSelectedFacts(state: InspectorState): CaptureFacts | undefined {
  return state.selected ? selectCaptureFacts(state.selected) : undefined;
}

function summaryOf(inspection: Inspection): UqudoSummary | undefined {
  const innermost = findInnermost(inspection);
  const payload = innermost.payload;
  if (innermost.kind !== 'uqudo-result' || typeof payload !== 'object' || payload === null) {
    return undefined;
  }
  if (Array.isArray(payload)) return undefined;
  return summarizeUqudoResult(payload);
}
