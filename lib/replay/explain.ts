// explainReplay: what a replay's status (or failure) means and what to do about it, in plain words.
import type { ReplayPurpose } from '../uqudo/info-api';

/** A short title, what happened, and what to do next. */
export interface Explanation {
  title: string;
  detail: string;
  action: string;
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
  const isToken = purpose === 'token';
  const isImage = purpose === 'image';

  if (status === 0 || (status >= 300 && status < 400)) {
    return {
      title: 'Redirect not followed',
      detail:
        'The server answered with a redirect. Replays do not follow redirects, so the token cannot be carried to another address.',
      action: 'Check the API base: it should be the origin that serves /api/v1/info directly.',
    };
  }
  if (status >= 200 && status < 300) {
    if (purpose === 'delete') {
      return {
        title: 'Deleted',
        detail: `The server answered ${status}. Uqudo answers 204 also for ids it does not know, so this does not prove the session existed.`,
        action: 'Fetch the session again: it should now answer 404 or 400.',
      };
    }
    return {
      title: 'Success',
      detail: `The server answered ${status}.`,
      action: isToken ? 'Use the access_token from the response.' : 'Nothing to do.',
    };
  }
  switch (status) {
    case 400:
      return isToken
        ? {
            title: 'Bad token request (400)',
            detail:
              'The token endpoint rejected the form (grant type, client id or secret format).',
            action: 'Check the client id and secret were copied whole from the Customer Portal.',
          }
        : isImage
          ? {
              title: 'Bad image id (400)',
              detail: 'The API did not accept the image id.',
              action: 'Use an *ImageId value from the result exactly as it appears.',
            }
          : {
              title: 'Bad session id (400)',
              detail: 'The API did not accept the session id.',
              action:
                'Use the result\u2019s jti (or data.sessionId for face sessions): a UUID like 3f2a9c1e-7b4d-4e8f-9a01-23456789abcd.',
            };
    case 401:
      return isToken
        ? {
            title: 'Wrong client credentials (401)',
            detail:
              'The token endpoint did not accept the client id and secret, or they belong to the other environment.',
            action:
              'Check the credentials in the Customer Portal (Development \u2192 Credentials) and that production credentials go to production, development to development.',
          }
        : {
            title: 'Token missing, expired or for another environment (401)',
            detail:
              'The API did not accept the access token. Tokens expire after about 30 minutes, and a development token does not work in production (or the other way round).',
            action: 'Get a fresh access token for this environment and paste it again.',
          };
    case 403:
      return {
        title: 'Token lacks the feature (403)',
        detail:
          'The token is valid but its client is not allowed this call: the Info API needs the KYC_INFO_SDK scope (see the token\u2019s scope).',
        action:
          'Use credentials whose scope includes KYC_INFO_SDK, or ask Uqudo to enable the Info API for your client.',
      };
    case 404:
      if (isImage) {
        return {
          title: 'Image not found or expired (404)',
          detail:
            'Images live about as long as the session (documented 30 minutes; in practice until the result\u2019s exp), and are gone after the session is deleted.',
          action: 'Run a new session and fetch its images before it expires.',
        };
      }
      if (isToken) {
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
      };
    case 405:
      return {
        title: 'Method not allowed (405)',
        detail: 'The server does not accept this method at this address.',
        action: 'Check the API base points at Uqudo\u2019s API (e.g. https://id.uqudo.io).',
      };
    case 429:
      return {
        title: 'Too many requests (429)',
        detail: 'The API is rate-limiting this client.',
        action: 'Wait a little and try again; fetch images a few at a time.',
      };
    case 500:
      return {
        title: 'Server error (500)',
        detail: 'Uqudo\u2019s API failed while handling the request.',
        action:
          'Try again in a moment; if it keeps failing, contact Uqudo support with the session id and the time of the call.',
      };
    case 502:
    case 503:
    case 504:
      return {
        title: `Service unavailable (${status})`,
        detail: 'A gateway in front of the API could not reach it or timed out.',
        action: 'Try again in a moment.',
      };
  }
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

function explainNetworkError(origin: string | undefined): Explanation {
  const where = origin ?? 'the API base';
  return {
    title: 'Network or CORS failure',
    detail: `The request to ${where} did not get an answer the extension may read: the host is unreachable, the certificate is not trusted, or the browser blocked it (CORS) because the extension has no permission for this origin.`,
    action: `Give the extension permission to reach ${where} when the panel asks, check the address and that the server is running, then try again.`,
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
