// CapturedExchange and Sighting: one HTTP exchange as captured, and one token found in it.

/** An HTTP header as captured (names keep their original case). */
export interface Header {
  name: string;
  value: string;
}

/** One request/response pair, from the live network, a HAR file, a paste or a replay. */
export interface CapturedExchange {
  id: string;
  /** Start time, milliseconds since the epoch. */
  time: number;
  method: string;
  url: string;
  /** HTTP status; 0 when unknown (paste, failed request). */
  status: number;
  requestHeaders: Header[];
  responseHeaders: Header[];
  requestBody?: string;
  /** Request body MIME type when known apart from the headers (HAR `postData.mimeType`). */
  requestMimeType?: string;
  responseBody?: string;
  responseMimeType?: string;
  /** Why a body is missing or shortened (not available to DevTools, too large, binary…). */
  bodyNote?: string;
  source: 'network' | 'har' | 'paste' | 'replay';
  /** Index in `log.entries` for HAR imports. */
  entryIndex?: number;
}

/** Where in an exchange a token was seen. */
export type SightingLocation =
  'request.header' | 'request.body' | 'request.query' | 'response.header' | 'response.body';

/** One token found in an exchange. `path` is the header name, query parameter or JSON path. */
export interface Sighting {
  location: SightingLocation;
  path?: string;
  token: string;
  /** How the token was used, when that says what it is (Bearer credential, token-endpoint reply). */
  seenAs?: 'bearer' | 'token-endpoint';
}
