// The allow-list of fields an export keeps by default: JWT claims, JOSE headers, Uqudo check results — nothing personal.

/**
 * Patterns of known-safe paths. `a.b` keeps that one value; `[]` is any array index, `*` any key;
 * a trailing `.**` keeps a whole subtree (issuer certificates); a trailing `.**?` keeps only the
 * booleans and numbers of a subtree (pass/fail flags and scores, never a string that could name
 * someone). Everything else — including every field Uqudo adds in a later version — is redacted.
 */
const CLAIM_PATTERNS: readonly string[] = [
  // Registered and OAuth claims (results and access tokens).
  'iss',
  'aud',
  'aud[]',
  'iat',
  'exp',
  'nbf',
  'jti',
  'nonce',
  'typ',
  'scope',
  'scp[]',
  'client_id',
  'azp',
  'token_type',
  // The session binding.
  'data.sessionId',
  'data.nonce',
  // Per-document steps: what was checked and how it went, never the OCR or chip values.
  'data.documents[].documentType',
  'data.documents[].scan.front.documentCode',
  'data.documents[].scan.front.mrzVerified',
  'data.documents[].scan.front.identityNumberVerified',
  'data.documents[].scan.front.chipAvailable',
  'data.documents[].scan.back.documentCode',
  'data.documents[].scan.back.mrzVerified',
  'data.documents[].scan.back.identityNumberVerified',
  'data.documents[].reading.data.ldsVersion',
  'data.documents[].reading.data.photoMimeType',
  'data.documents[].reading.data.countrySigningCertificate.**',
  'data.documents[].reading.data.documentSigningCertificate.**',
  'data.documents[].face.match',
  'data.documents[].face.matchLevel',
  'data.documents[].lookup.status',
  // Verifications: scores, flags, field names and match verdicts — not the compared values.
  'data.verifications[].documentType',
  'data.verifications[].sourceDetection.**?',
  'data.verifications[].sourceDetection.selectedResolution',
  'data.verifications[].idScreenDetection.**?',
  'data.verifications[].idPrintDetection.**?',
  'data.verifications[].idPhotoTamperingDetection.**?',
  'data.verifications[].dataConsistencyCheck.enabled',
  'data.verifications[].dataConsistencyCheck.fields[].name',
  'data.verifications[].dataConsistencyCheck.fields[].match',
  'data.verifications[].dataConsistencyCheck.fields[].sources[].source',
  'data.verifications[].dataConsistencyCheck.fields[].sources[].documentSide',
  'data.verifications[].dataConsistencyCheck.fields[].sources[].name',
  'data.verifications[].mrzChecksum.enabled',
  'data.verifications[].mrzChecksum.valid',
  'data.verifications[].mrzChecksum.checkDigits[].fieldName',
  'data.verifications[].mrzChecksum.checkDigits[].valid',
  'data.verifications[].reading.**?',
  'data.verifications[].biometric.enabled',
  'data.verifications[].biometric.type',
  'data.verifications[].biometric.matchLevel',
  // Face sessions, background check, device and SDK facts.
  'data.face.match',
  'data.face.matchLevel',
  'data.backgroundCheck.type',
  'data.backgroundCheck.match',
  'data.deviceAttestation.risk.**?',
  'data.deviceAttestation.risk.applicationStore',
  'data.deviceAttestation.info.platform',
  'data.deviceAttestation.info.manufacturer',
  'data.deviceAttestation.info.model',
  'data.deviceAttestation.info.version',
  'data.deviceAttestation.info.cpuArchitecture',
  'data.source.sdkType',
  'data.source.sdkVersion',
  'data.source.devicePlatform',
  'data.source.deviceVersion',
  'data.source.deviceManufacturer',
  'data.source.deviceModel',
];

/** JOSE header parameters kept (keys named by the token — jwk, x5c… — are not). */
const HEADER_PATTERNS: readonly string[] = ['alg', 'kid', 'typ', 'cty', 'enc', 'zip', 'crit[]'];

/**
 * JSON body fields kept in a HAR export (token endpoint, demo backend answers, errors). Tokens
 * anywhere are replaced by their hash whatever the key; client secrets are removed.
 */
const BODY_PATTERNS: readonly string[] = [
  'grant_type',
  'scope',
  'client_id',
  'token_type',
  'expires_in',
  'sessionId',
  'nonce',
  'scenario',
  'status',
  'error',
  'code',
  'ok',
  'accepted',
  'verdict',
];

/** What a node of the allow-list keeps. */
export interface AllowNode {
  /** The value at this node is kept (any primitive). */
  leaf: boolean;
  /** Everything below is kept. */
  subtree: boolean;
  /** Booleans and numbers below are kept. */
  flags: boolean;
  children: Map<string, AllowNode>;
}

function createNode(): AllowNode {
  return { leaf: false, subtree: false, flags: false, children: new Map() };
}

/** Splits `a.b[].c` into `a`, `b`, `[]`, `c`. */
function splitPattern(pattern: string): string[] {
  return pattern
    .replace(/\[\]/g, '.[]')
    .split('.')
    .filter((segment) => segment !== '');
}

function compile(patterns: readonly string[]): AllowNode {
  const root = createNode();
  for (const pattern of patterns) {
    const segments = splitPattern(pattern);
    const last = segments.at(-1);
    const body = last === '**' || last === '**?' ? segments.slice(0, -1) : segments;
    let node = root;
    for (const segment of body) {
      let child = node.children.get(segment);
      if (!child) {
        child = createNode();
        node.children.set(segment, child);
      }
      node = child;
    }
    if (last === '**') node.subtree = true;
    else if (last === '**?') node.flags = true;
    else node.leaf = true;
  }
  return root;
}

/** The allow-list of token claims (results, access tokens, any JWT). */
export const CLAIMS_ALLOWED: AllowNode = compile(CLAIM_PATTERNS);
/** The allow-list of JOSE headers. */
export const HEADER_ALLOWED: AllowNode = compile(HEADER_PATTERNS);
/** The allow-list of request/response JSON bodies, at any depth (see BODY_PATTERNS). */
export const BODY_ALLOWED: AllowNode = compile(BODY_PATTERNS);

/** The node for `segment` below `node` (`[]` for array items, `*` for any key), if any. */
export function descendAllowList(
  node: AllowNode | undefined,
  segment: string,
): AllowNode | undefined {
  if (!node) return undefined;
  return node.children.get(segment) ?? node.children.get('*');
}
