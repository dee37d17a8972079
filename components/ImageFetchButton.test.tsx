// @vitest-environment happy-dom
// Tests for ImageFetchButton over a real replay store (fake sender answering with a JPEG).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import type { SendOptions } from '../lib/replay/send';
import { createReplayStore } from '../lib/replay/slice';
import { buildReplayResponse } from '../lib/replay/testing/replays';
import type { ReplayRequest } from '../lib/uqudo/info-api';
import { ImageFetchButton } from './ImageFetchButton';

const JTI = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const PROD = 'https://id.uqudo.io';

afterEach(() => cleanup());

function setup() {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
  const send = vi.fn(async (_request: ReplayRequest, _options: SendOptions) =>
    buildReplayResponse({
      contentType: 'image/jpeg',
      bodyText: undefined,
      bodyBytes: bytes,
      bodySize: 8,
    }),
  );
  let urls = 0;
  const store = createReplayStore({
    send,
    inspect: inspectUqudoToken,
    now: () => Date.now(),
    createObjectUrl: () => `blob:panel/${++urls}`,
    revokeObjectUrl: () => undefined,
  });
  return { store, send };
}

describe('ImageFetchButton', () => {
  it('fetches one image and shows its outcome', async () => {
    const s = setup();
    const ref = { id: '65f1c2a9e4b0a1b2c3d4e5f8', path: '$.x', key: 'frontImageId' };
    render(<ImageFetchButton store={s.store} imageRef={ref} sessionId={JTI} />);
    fireEvent.click(screen.getByTestId('image-fetch'));
    // "fetching…" may show first; the settled outcome is what the user is told.
    await waitFor(() =>
      expect(screen.getByTestId('image-fetch-outcome').textContent).toMatch(/fetched, 8 B/),
    );
    expect(s.send.mock.calls[0]![0].url).toBe(`${PROD}/api/v1/info/img/${ref.id}`);
    expect(s.store.getState().replay.images[0]?.fileName).toBe(`${JTI}-frontImageId-${ref.id}.jpg`);
  });
});
