// inspectUqudoToken: the generic inspection with Uqudo's profile (classification and claim rules).
import {
  inspectToken,
  type InspectOptions,
  type Inspection,
  type InspectionProfile,
} from '../jose/inspect';
import { checkUqudoClaims, type Expectations } from './claims';
import { classifyToken, type ClassifyContext, type TokenKind } from './classify';

/** An inspection whose kind is Uqudo's classification. */
export type UqudoInspection = Inspection<TokenKind>;

/** The generic options plus where the token was seen and what the integrator expects. */
export interface UqudoInspectOptions extends Omit<InspectOptions<TokenKind>, 'profile'> {
  /** Context: the token was seen as a Bearer credential or in a token-endpoint response. */
  seenAs?: ClassifyContext['seenAs'];
  /** Context: the URL where the token was seen (helps classify Uqudo hosts). */
  url?: string;
  /** Checked against SDK results only (see checkUqudoClaims). */
  expectations?: Expectations;
}

/** Uqudo's inspection profile for one token: classification in its context, then the claim rules. */
function createUqudoProfile(options: UqudoInspectOptions): InspectionProfile<TokenKind> {
  const context: ClassifyContext = {};
  if (options.seenAs) context.seenAs = options.seenAs;
  if (options.url !== undefined) context.url = options.url;
  return {
    classify: (payload) => classifyToken(payload, context),
    checkClaims: (payload, kind) => checkUqudoClaims(payload, kind, options.expectations),
  };
}

/**
 * Inspects one token as the panel and the CLI do: inspectToken with Uqudo's classification and
 * claim rules plugged in. Never throws.
 */
export function inspectUqudoToken(
  token: string,
  options: UqudoInspectOptions = {},
): Promise<UqudoInspection> {
  const { seenAs: _seenAs, url: _url, expectations: _expectations, ...generic } = options;
  return inspectToken(token, { ...generic, profile: createUqudoProfile(options) });
}
