// @vitest-environment happy-dom
// Tests for the Images tab: fetch all with previews under each reference, per-session images, the zip download.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { unzipSync } from 'fflate';
import type { Inspection } from '../lib/jose/inspect';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import {
  buildUqudoPayload,
  generateTestKeyPair,
  mintToken,
  type TestKeyPair,
} from '../lib/jose/testing/tokens';
import { explainReplay } from '../lib/replay/explain';
import type { ReplayResult, SendOptions } from '../lib/replay/send';
import { createReplayStore, type ReplayStore } from '../lib/replay/slice';
import { buildReplayResponse } from '../lib/replay/testing/replays';
import type { ReplayRequest } from '../lib/uqudo/info-api';
import { DetailImages } from './DetailImages';

const JTI = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const OTHER = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const PHOTO_BASE64 = '/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';

let key: TestKeyPair;
let passport: Inspection;
let other: Inspection;

beforeAll(async () => {
  key = await generateTestKeyPair('RS256', 'images-test');
  const payload = buildUqudoPayload({ jti: JTI });
  const documents = (payload.data as { documents: Record<string, unknown>[] }).documents;
  documents[0]!.reading = { data: { photo: PHOTO_BASE64, photoMimeType: 'image/jpeg' } };
  passport = await inspectUqudoToken(await mintToken(payload, { key }));
  other = await inspectUqudoToken(await mintToken(buildUqudoPayload({ jti: OTHER }), { key }));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** JPEG-looking bytes that say which image id they are for. */
function imageBytes(url: string): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode(url.slice(-24))]);
}

interface Setup {
  store: ReplayStore;
  send: ReturnType<typeof vi.fn<(r: ReplayRequest, o: SendOptions) => Promise<ReplayResult>>>;
  revoked: string[];
  /** Bytes behind each object URL made. */
  blobs: Map<string, { bytes: Uint8Array; type: string }>;
}

function setup(respond?: (request: ReplayRequest) => Promise<ReplayResult>): Setup {
  const send = vi.fn(
    (request: ReplayRequest, _options: SendOptions) =>
      respond?.(request) ??
      Promise.resolve(
        buildReplayResponse({
          contentType: 'image/jpeg',
          bodyText: undefined,
          bodyBytes: imageBytes(request.url),
          bodySize: 28,
        }),
      ),
  );
  const revoked: string[] = [];
  const blobs = new Map<string, { bytes: Uint8Array; type: string }>();
  const store = createReplayStore({
    send,
    inspect: inspectUqudoToken,
    now: () => Date.now(),
    createObjectUrl: (bytes, type) => {
      const url = `blob:panel/${blobs.size + 1}`;
      blobs.set(url, { bytes, type });
      return url;
    },
    revokeObjectUrl: (url) => revoked.push(url),
  });
  return { store, send, revoked, blobs };
}

const scopeOf = (inspection: Inspection) => `session:${inspection === passport ? JTI : OTHER}`;

function renderImages(s: Setup, inspection: Inspection = passport) {
  return render(
    <DetailImages store={s.store} capture={{ id: 'c1', inspection }} scope={scopeOf(inspection)} />,
  );
}

async function fetchAll(): Promise<void> {
  fireEvent.click(screen.getByTestId('replay-fetch-images'));
  await waitFor(() => expect(screen.getByTestId('image-progress').textContent).toBe('3/3'));
}

describe('DetailImages', () => {
  it('fetches all images and shows each one under its own reference and Fetch button', async () => {
    const s = setup();
    renderImages(s);
    expect(screen.getByTestId('replay-fetch-images').textContent).toBe('Fetch all images (3)');
    const refs = screen.getAllByTestId('image-ref');
    expect(refs).toHaveLength(3);
    await fetchAll();
    for (const ref of screen.getAllByTestId('image-ref')) {
      const id = ref.getAttribute('data-image-id');
      // The answer sits inside the card of the button that asked for it.
      expect(within(ref).getByTestId('image-fetch')).toBeTruthy();
      const preview = within(ref).getByTestId('image-preview');
      expect(preview.getAttribute('data-image-id')).toBe(id);
      expect(preview.getAttribute('data-state')).toBe('loaded');
      expect(within(ref).getByTestId('image-fetch-outcome').textContent).toContain('fetched');
    }
    const chip = screen
      .getAllByTestId('image-preview')
      .find((el) => el.textContent?.includes('Chip photo'))!;
    expect(within(chip).getByTestId('image-download').getAttribute('download')).toBe(
      `${JTI}-chip-photo.jpg`,
    );
  });

  it('keeps a session’s images when another session is shown, and frees them on Clear', async () => {
    const s = setup();
    const first = renderImages(s);
    await fetchAll();
    first.unmount();
    // Session B: nothing of A's images.
    const second = renderImages(s, other);
    expect(screen.queryAllByTestId('image-preview').filter((el) => el.dataset.imageId)).toEqual([]);
    expect(screen.queryByTestId('image-progress')).toBeNull();
    expect(s.revoked).toEqual([]);
    second.unmount();
    // Back to A: the images are still there, with their object URLs.
    renderImages(s);
    const loaded = screen
      .getAllByTestId('image-preview')
      .filter((el) => el.dataset.imageId && el.dataset.state === 'loaded');
    expect(loaded.map((el) => el.querySelector('img')?.getAttribute('src')).sort()).toEqual([
      'blob:panel/1',
      'blob:panel/2',
      'blob:panel/3',
    ]);
    expect(screen.getByTestId('image-progress').textContent).toBe('3/3');
    s.store.replay.clearReplays();
    await waitFor(() =>
      expect(s.revoked.sort()).toEqual(['blob:panel/1', 'blob:panel/2', 'blob:panel/3']),
    );
  });

  it('downloads all fetched images as one zip named after the session, with each image’s bytes', async () => {
    const s = setup();
    renderImages(s);
    const zip = screen.getByTestId('image-zip') as HTMLButtonElement;
    expect(zip.disabled).toBe(true);
    await fetchAll();
    expect(zip.textContent).toBe('Download all images (3) as a zip');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(zip);
    const link = await screen.findByTestId('image-zip-link');
    expect(link.getAttribute('download')).toBe(`${JTI}-images.zip`);
    await waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
    const archive = s.blobs.get(link.getAttribute('href')!)!;
    expect(archive.type).toBe('application/zip');
    const entries = unzipSync(archive.bytes);
    const images = s.store.getState().replay.images;
    expect(Object.keys(entries).sort()).toEqual(images.map((image) => image.fileName).sort());
    for (const image of images) {
      expect(image.fileName).toMatch(new RegExp(`^${JTI}-\\w+-[0-9a-f]{24}\\.jpg$`));
      expect(entries[image.fileName!]).toEqual(imageBytes(`/${image.imageId}`));
    }
  });

  it('shows the 404 explanation of images fetched after deletion, and offers no empty zip', async () => {
    const s = setup(async () =>
      buildReplayResponse({
        status: 404,
        statusText: 'Not Found',
        ok: false,
        contentType: 'application/json',
        bodyText: '{"error":"not_found"}',
        explanation: explainReplay('image', 404),
      }),
    );
    renderImages(s);
    fireEvent.click(screen.getByTestId('replay-fetch-images'));
    await waitFor(() =>
      expect(screen.getByTestId('image-progress').textContent).toBe('3/3 (3 failed)'),
    );
    const failed = screen
      .getAllByTestId('image-preview')
      .filter((el) => el.getAttribute('data-state') === 'failed');
    expect(failed).toHaveLength(3);
    expect(failed[0]!.textContent).toContain('Image not found or expired (404)');
    expect(failed[0]!.textContent).toContain('Run a new session');
    expect((screen.getByTestId('image-zip') as HTMLButtonElement).disabled).toBe(true);
  });
});
