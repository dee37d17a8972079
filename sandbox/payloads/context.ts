// What every payload builder gets: the scenario context (ids, times, images) and the fake person.
import { mrzDate, type MrzDate, type MrzHolder } from './mrz';

/** Kinds of images a session can expose through `GET /api/v1/info/img/{id}`. */
export type ImageKind = 'portrait' | 'front' | 'front-frame' | 'back' | 'back-frame' | 'selfie';

/** What a scenario's claims depend on besides the scenario itself. */
export interface ScenarioContext {
  /** Sandbox origin, used as `iss` (Uqudo's is https://id.uqudo.io). */
  origin: string;
  /** Demo client id, used as `aud`. */
  clientId: string;
  /** The session id the Info API serves the result under. */
  sessionId: string;
  /** `jti`: equals sessionId except for face sessions. */
  resultId: string;
  issuedAt: number;
  expiresAt: number;
  nonce?: string;
  imageIds: Partial<Record<ImageKind, string>>;
  /** Small inline JPEG (base64) used as the NFC chip photo. */
  nfcPhotoBase64: string;
  sourceIp: string;
}

/** The image id the context assigned to a kind, or null (Uqudo sends null for absent images). */
export function imageId(ctx: ScenarioContext, kind: ImageKind): string | null {
  return ctx.imageIds[kind] ?? null;
}

/** Fake identity shared by the document scenarios. */
export interface FakePerson extends MrzHolder {
  dateOfIssue: MrzDate;
}

/** SAMPLE, TEST: born 1990-01-01, document issued three years before `issuedAt`, valid ten years. */
export function createFakePerson(issuedAt: number): FakePerson {
  const today = new Date(issuedAt * 1000);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  // Issued three years ago and valid for ten, so a sandbox document is never expired.
  return {
    surname: 'SAMPLE',
    givenNames: 'TEST',
    sex: 'F',
    dateOfBirth: mrzDate(1990, 1, 1),
    dateOfIssue: mrzDate(year - 3, month, 1),
    dateOfExpiry: mrzDate(year + 7, month, 1),
  };
}

/** The scan-level image ids of Uqudo's scan object (attributes of `scan`, beside `front`/`back`). */
export function scanImageIds(ctx: ScenarioContext) {
  return {
    faceImageId: imageId(ctx, 'portrait'),
    frontImageId: imageId(ctx, 'front'),
    frontFrameImageId: imageId(ctx, 'front-frame'),
    backImageId: imageId(ctx, 'back'),
    backFrameImageId: imageId(ctx, 'back-frame'),
  };
}
