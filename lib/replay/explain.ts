// explainReplay: what a replay's status (or failure) means, what to do about it, and what Uqudo documents about it.
import type { ReplayPurpose } from '../uqudo/info-api';

/** What an explanation rests on: Uqudo's documentation, observed behaviour, or an assumption. */
export type BasisKind = 'documented' | 'observed' | 'assumed';

/** Where the facts behind an explanation come from, in words the panel shows beside it. */
export interface ExplanationBasis {
  kind: BasisKind;
  /** What exactly is documented, observed or assumed. */
  note: string;
}

/** How the panel introduces each kind of basis. */
export const BASIS_LABELS: Record<BasisKind, string> = {
  documented: 'Uqudo documents',
  observed: 'Observed, not documented',
  assumed: 'Not documented by Uqudo',
};

/** A short title, what happened, and what to do next. */
export interface Explanation {
  title: string;
  detail: string;
  action: string;
  /** Which part of this is Uqudo's documentation and which is observed or assumed. */
  basis?: ExplanationBasis;
}

/** Failures that have no HTTP status. */
export type ReplayFailure = 'network-error' | 'timeout';

/** Extra facts that make an explanation concrete. */
export interface ExplainContext {
  /** Origin the request went to, e.g. `https://id.uqudo.io`. */
  origin?: string;
  /** The timeout that elapsed, in milliseconds. */
  timeoutMs?: number;
}

const INFO_ERRORS =
  'GET info answers 400 (bad input), 401 (no valid access token), 403 (the token lacks the feature) and 500';

/**
 * Explains an HTTP status (or a network failure / timeout) for a replay of the given purpose.
 * Covers every status: known ones get Uqudo-specific advice, others a generic class description.
 */
export function explainReplay(
  purpose: ReplayPurpose,
  status: number | ReplayFailure,
  context: ExplainContext = {},
): Explanation {
  if (status === 'network-error') return explainNetworkError(context.origin);
  if (status === 'timeout') return explainTimeout(context.timeoutMs);
  if (status === 0 || (status >= 300 && status < 400)) {
    return {
      title: 'Redirect not followed',
      detail:
        'The server answered with a redirect. Replays do not follow redirects, so the token cannot be carried to another address.',
      action: 'Check the API base: it should be the origin that serves /api/v1/info directly.',
    };
  }
  if (status >= 200 && status < 300) return explainSuccess(purpose, status);
  const known = STATUS_EXPLAINERS[status];
  if (known) return known(purpose);
  if (status >= 400 && status < 500) {
    return {
      title: `Request refused (${status})`,
      detail: 'The API refused the request.',
      action: 'Check the API base, the id and the token; the response body may say more.',
    };
  }
  if (status >= 500) {
    return {
      title: `Server error (${status})`,
      detail: 'The API failed while handling the request.',
      action: 'Try again in a moment; the response body may say more.',
    };
  }
  return {
    title: `Unexpected status ${status}`,
    detail: 'The server answered with a status this tool does not know.',
    action: 'Look at the response headers and body.',
  };
}

function explainSuccess(purpose: ReplayPurpose, status: number): Explanation {
  if (purpose === 'delete') {
    return {
      title: 'Deleted',
      detail: `The server answered ${status}. Uqudo answers 204 also for ids it does not know, so this does not prove the session existed.`,
      action: 'Fetch the session again: it should no longer answer 200.',
      basis: {
        kind: 'observed',
        note: 'Uqudo documents 204 for DELETE; that it also answers 204 for unknown ids was seen on real traffic.',
      },
    };
  }
  const success: Explanation = {
    title: 'Success',
    detail: `The server answered ${status}.`,
    action: purpose === 'token' ? 'Use the access_token from the response.' : 'Nothing to do.',
  };
  if (purpose === 'info' || purpose === 'info-header') {
    success.basis = {
      kind: 'observed',
      note: 'Uqudo documents a 200 whose body is the result; its application/jwt content type was seen on real answers but is not documented.',
    };
  }
  return success;
}

const STATUS_EXPLAINERS: Record<number, (purpose: ReplayPurpose) => Explanation> = {
  400: explainBadRequest,
  401: explainUnauthorized,
  403: () => ({
    title: 'Token lacks the feature (403)',
    detail:
      'The token is valid but its client is not allowed this call: the Info API needs the KYC_INFO_SDK scope (see the token\u2019s scope).',
    action:
      'Use credentials whose scope includes KYC_INFO_SDK, or ask Uqudo to enable the Info API for your client.',
    basis: {
      kind: 'assumed',
      note: 'Uqudo documents 403 as \u201cthe access token doesn\u2019t have permission to use the requested feature\u201d; which scope a call needs is not documented. KYC_INFO_SDK is the scope name seen in real tokens, and the one the local sandbox requires.',
    },
  }),
  404: explainNotFound,
  405: () => ({
    title: 'Method not allowed (405)',
    detail: 'The server does not accept this method at this address.',
    action: 'Check the API base points at Uqudo\u2019s API (e.g. https://id.uqudo.io).',
  }),
  429: () => ({
    title: 'Too many requests (429)',
    detail: 'The API is rate-limiting this client.',
    action: 'Wait a little and try again; fetch images a few at a time.',
  }),
  500: () => ({
    title: 'Server error (500)',
    detail: 'Uqudo\u2019s API failed while handling the request.',
    action:
      'Try again in a moment; if it keeps failing, contact Uqudo support with the session id and the time of the call.',
    basis: { kind: 'documented', note: `${INFO_ERRORS}; 500 is an unexpected error.` },
  }),
  502: explainUnavailable(502),
  503: explainUnavailable(503),
  504: explainUnavailable(504),
};

function explainBadRequest(purpose: ReplayPurpose): Explanation {
  if (purpose === 'token') {
    return {
      title: 'Bad token request (400)',
      detail: 'The token endpoint rejected the form (grant type, client id or secret format).',
      action: 'Check the client id and secret were copied whole from the Customer Portal.',
    };
  }
  const basis: ExplanationBasis = {
    kind: 'documented',
    note: 'the Info API answers 400 for bad input; session ids must match the UUID pattern.',
  };
  return purpose === 'image'
    ? {
        title: 'Bad image id (400)',
        detail: 'The API did not accept the image id.',
        action: 'Use an *ImageId value from the result exactly as it appears.',
        basis,
      }
    : {
        title: 'Bad session id (400)',
        detail: 'The API did not accept the session id.',
        action:
          'Use the result\u2019s jti (or data.sessionId for face sessions): a UUID like 3f2a9c1e-7b4d-4e8f-9a01-23456789abcd.',
        basis,
      };
}

function explainUnauthorized(purpose: ReplayPurpose): Explanation {
  if (purpose === 'token') {
    return {
      title: 'Wrong client credentials (401)',
      detail:
        'The token endpoint did not accept the client id and secret, or they belong to the other environment.',
      action:
        'Check the credentials in the Customer Portal (Development \u2192 Credentials) and that production credentials go to production, development to development.',
    };
  }
  return {
    title: 'Token missing, expired or for another environment (401)',
    detail:
      'The API did not accept the access token. Tokens expire after about 30 minutes, and a development token does not work in production (or the other way round).',
    action: 'Get a fresh access token for this environment and paste it again.',
    basis: {
      kind: 'documented',
      note: '401 means no valid access token was provided. The ~30 minute lifetime is the expires_in seen in token answers.',
    },
  };
}

function explainNotFound(purpose: ReplayPurpose): Explanation {
  if (purpose === 'image') {
    return {
      title: 'Image not found or expired (404)',
      detail:
        'Images live about as long as the session (documented 30 minutes; in practice until the result\u2019s exp), and are gone after the session is deleted.',
      action: 'Run a new session and fetch its images before it expires.',
      basis: {
        kind: 'documented',
        note: 'the image endpoint answers 404 when the image is not found or expired, and images live 30 minutes. That they last until the result\u2019s exp was observed.',
      },
    };
  }
  if (purpose === 'token') {
    return {
      title: 'Token endpoint not found (404)',
      detail: 'Nothing answers at this token endpoint.',
      action:
        'Check the API base: production tokens come from auth.uqudo.io, development from auth.dev.uqudo.io.',
    };
  }
  return {
    title: 'Session not found (404)',
    detail:
      'The API does not know this session: it expired, was deleted, or belongs to the other environment.',
    action: 'Check the session id and the API base, or run a new session.',
    basis: {
      kind: 'assumed',
      note: `${INFO_ERRORS} — not 404. What a 404 means here is this tool\u2019s reading; the local sandbox answers 404 for unknown or deleted sessions by its own choice.`,
    },
  };
}

function explainUnavailable(status: number): () => Explanation {
  return () => ({
    title: `Service unavailable (${status})`,
    detail: 'A gateway in front of the API could not reach it or timed out.',
    action: 'Try again in a moment.',
  });
}

function explainNetworkError(origin: string | undefined): Explanation {
  const where = origin ?? 'the API base';
  return {
    title: 'Network or CORS failure',
    detail: `The request to ${where} did not get an answer the extension may read: the host is unreachable, the certificate is not trusted, or the browser blocked it (CORS) because the extension has no permission for this origin.`,
    action: `Give the extension permission to reach ${where} when the panel asks, check the address and that the server is running, then try again.`,
    basis: {
      kind: 'assumed',
      note: 'Uqudo documents a CORS whitelist of your web origins (localhost and 127.0.0.1 on ports 3000, 4200 and 8000 by default); whether it ever admits a chrome-extension:// origin is not documented, so host permission is what makes replays work.',
    },
  };
}

function explainTimeout(timeoutMs: number | undefined): Explanation {
  const seconds = timeoutMs === undefined ? undefined : Math.round(timeoutMs / 100) / 10;
  return {
    title: 'Timed out',
    detail:
      seconds === undefined
        ? 'No complete answer arrived in time.'
        : `No complete answer arrived within ${seconds} s.`,
    action: 'Check the network and the API base, then try again.',
  };
}
