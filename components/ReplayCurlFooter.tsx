// ReplayCurlFooter: a replay's "Copy as cURL", the token written in only when the user ticks it.
import { useState } from 'preact/hooks';
import { renderCurl } from '../lib/replay/curl';
import type { ReplayEntry } from '../lib/replay/slice';
import { formatImageFileName } from '../lib/uqudo/info-api';
import { CopyButton } from './CopyButton';

/** Props of {@link ReplayCurlFooter}. */
export interface ReplayCurlFooterProps {
  request: ReplayEntry['request'];
  /** The access token, used only when the user ticks "include token". */
  token: string;
  /** The token is set and bound to this request's origin. */
  tokenUsable: boolean;
  /** A token request: its secret is never kept, so it is always left to a shell variable. */
  isTokenRequest: boolean;
}

/** Copy as cURL and the "include token" choice of one replay. */
export function ReplayCurlFooter({
  request,
  token,
  tokenUsable,
  isTokenRequest,
}: ReplayCurlFooterProps) {
  const [includeToken, setIncludeToken] = useState(false);
  const curl = () =>
    renderCurl(request, {
      // The secret of a token request is never kept, so it is always left to a shell variable.
      includeToken: includeToken && tokenUsable && !isTokenRequest,
      ...(tokenUsable ? { token } : {}),
      ...(request.purpose === 'image' && request.imageId
        ? {
            outputFile: formatImageFileName({
              ...(request.sessionId ? { sessionId: request.sessionId } : {}),
              key: 'image',
              imageId: request.imageId,
              mimeType: 'image/jpeg',
            }),
          }
        : {}),
    });

  return (
    <footer class="replay-result-foot">
      <CopyButton text={curl} label="Copy as cURL" title="Copy this request as a cURL command" />
      {!isTokenRequest && (
        <label
          class="replay-include-token"
          title={
            tokenUsable
              ? 'Write the access token into the command instead of $UQUDO_TOKEN'
              : 'The token is bound to another origin (or none is set): the command uses $UQUDO_TOKEN'
          }
        >
          <input
            type="checkbox"
            checked={includeToken}
            disabled={!tokenUsable}
            onChange={(event) => setIncludeToken(event.currentTarget.checked)}
            data-testid="curl-include-token"
          />{' '}
          include token
        </label>
      )}
    </footer>
  );
}
