// @vitest-environment happy-dom
// Tests for UqudoSummaryView: document cards, levels for good/bad samples, image refs slot, inline photos.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import passport from '../lib/uqudo/fixtures/passport.json';
import uaeId from '../lib/uqudo/fixtures/uae-id.json';
import {
  createEmptySummary,
  MAX_INLINE_PHOTO_BYTES,
  summarizeUqudoResult,
} from '../lib/uqudo/summary';
import type { ImageRef, InlinePhoto, UqudoSummary } from '../lib/uqudo/summary';
import { worstLevel } from '../lib/uqudo/summary/levels';
import { UqudoSummaryView } from './UqudoSummaryView';

afterEach(cleanup);

const goodSummary = summarizeUqudoResult(passport, { now: passport.iat * 1000 });
const badSummary = summarizeUqudoResult(uaeId, { now: uaeId.iat * 1000 });

function card(container: Element, sectionId: string): HTMLElement {
  const found = container.querySelector(`[data-section="${sectionId}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`no card ${sectionId}`);
  return found;
}

function emptySummary(overrides: Partial<UqudoSummary>): UqudoSummary {
  return { ...createEmptySummary(), hasData: true, ...overrides };
}

const TINY_JPEG = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a';

describe('worstLevel', () => {
  it('ranks bad > warn > good > info', () => {
    expect(worstLevel([{ level: 'good' }, { level: 'bad' }, { level: 'warn' }])).toBe('bad');
    expect(worstLevel([{ level: 'info' }, { level: 'good' }])).toBe('good');
    expect(worstLevel([])).toBe('info');
  });
});

describe('UqudoSummaryView', () => {
  it('shows a good passport result with its highlights, face match and green checks', () => {
    const { container } = render(<UqudoSummaryView summary={goodSummary} />);
    const document = screen.getByRole('region', { name: 'Document PASSPORT' });
    const header = document.querySelector('.summary-document-header') as HTMLElement;
    expect(within(header).getByText('TEST SAMPLE')).toBeTruthy();
    expect(within(header).getByText('SAMPLE001')).toBeTruthy();
    const expiry = document.querySelector('.summary-expiry')!;
    expect(expiry.textContent).toContain('2033-01-01');
    expect(expiry.textContent).not.toContain('expired');
    expect(expiry.classList.contains('level-good')).toBe(true);
    const face = document.querySelector('.summary-face')!;
    expect(face.textContent).toBe('Face match (level 4 of 5)');
    expect(face.classList.contains('level-good')).toBe(true);

    expect(card(container, 'face').classList.contains('level-good')).toBe(true);
    expect(card(container, 'chip-verification').classList.contains('level-good')).toBe(true);
    expect(container.querySelectorAll('.summary-card.level-bad')).toHaveLength(0);
    expect(screen.getByText(/0 problems, 2 to look at/)).toBeTruthy();
  });

  it('shows payload strings as data: a right-to-left override in a name is made visible', () => {
    const spoofed = structuredClone(passport) as typeof passport;
    const front = spoofed.data.documents[0]!.scan.front as Record<string, unknown>;
    front.fullName = 'SAMPLE \u202e dilav erutangis';
    const reading = spoofed.data.documents[0]!.reading as { data: Record<string, unknown> } | null;
    if (reading?.data.personalDetails) {
      (reading.data.personalDetails as Record<string, unknown>).nameOfHolder =
        'SAMPLE \u202e dilav erutangis';
    }
    const summary = summarizeUqudoResult(spoofed, { now: spoofed.iat * 1000 });
    render(<UqudoSummaryView summary={summary} />);
    const header = screen
      .getByRole('region', { name: 'Document PASSPORT' })
      .querySelector('.summary-document-header') as HTMLElement;
    expect(header.textContent).toContain('⟨U+202E⟩');
    expect(header.textContent).not.toContain('\u202e');
    expect(header.querySelector('bdi.untrusted-text')).not.toBeNull();
  });

  it('marks a bad UAE ID result red: expired document, fraud scores, risks, background check', () => {
    const { container } = render(<UqudoSummaryView summary={badSummary} />);
    const document = screen.getByRole('region', { name: 'Document UAE_ID' });
    expect(document.classList.contains('level-bad')).toBe(true);
    const expiry = document.querySelector('.summary-expiry')!;
    expect(expiry.classList.contains('level-bad')).toBe(true);
    expect(expiry.textContent).toContain('expired');
    // Match level 2 is a weak match: amber even though `match` is true.
    const face = document.querySelector('.summary-face')!;
    expect(face.textContent).toBe('Face match (level 2 of 5)');
    expect(face.classList.contains('level-warn')).toBe(true);

    for (const id of ['fraud-checks', 'mrz-checksum', 'lookup', 'background-check']) {
      expect(card(container, id).classList.contains('level-bad')).toBe(true);
    }
    const risks = card(container, 'device-attestation');
    expect(risks.classList.contains('level-bad')).toBe(true);
    // Every level marker carries a word for assistive technology, not only a colour.
    const badItem = risks.querySelector('.summary-item.level-bad')!;
    expect(badItem.querySelector('.sr-only')!.textContent).toBe('problem');
    expect(risks.querySelector('.summary-item.level-warn .sr-only')!.textContent).toBe('attention');
    expect(screen.getByText(/11 problems, 6 to look at/)).toBeTruthy();
    expect(container.textContent!.toLowerCase()).not.toContain('approved');
  });

  it('lists image references and renders the caller’s actions for each', () => {
    const renderImageActions = vi.fn((ref: ImageRef) => (
      <button type="button">Fetch {ref.key}</button>
    ));
    const { container } = render(
      <UqudoSummaryView summary={goodSummary} renderImageActions={renderImageActions} />,
    );
    const table = screen.getByRole('region', { name: 'Image references' });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(goodSummary.images.length);
    const first = goodSummary.images[0]!;
    const firstRow = container.querySelector(`tr[data-image-id="${first.id}"]`) as HTMLElement;
    expect(within(firstRow).getByText(first.key)).toBeTruthy();
    expect(within(firstRow).getByText(first.path)).toBeTruthy();
    expect(within(firstRow).getByText('PASSPORT')).toBeTruthy();
    expect(within(firstRow).getByRole('button', { name: `Fetch ${first.key}` })).toBeTruthy();
    expect(renderImageActions).toHaveBeenCalledTimes(goodSummary.images.length);
  });

  it('shows a small JPEG chip photo inline as a data: URL, through the shared image preview', () => {
    const { container } = render(<UqudoSummaryView summary={goodSummary} />);
    const image = container.querySelector(
      '.summary-photo img.image-preview-img',
    ) as HTMLImageElement;
    expect(image).toBeTruthy();
    expect(image.getAttribute('src')).toBe(
      `data:image/jpeg;base64,${goodSummary.inlinePhotos[0]!.base64}`,
    );
    expect(image.getAttribute('alt')).toBe('Chip photo (PASSPORT)');
    expect(
      within(container.querySelector('.summary-photo') as HTMLElement)
        .getByTestId('image-download')
        .getAttribute('download'),
    ).toBe(`${goodSummary.sessionId}-chip-photo.jpg`);
  });

  it('shows a lookup portrait like the chip photo', () => {
    const summary = summarizeUqudoResult(
      {
        ...uaeId,
        data: {
          ...uaeId.data,
          documents: [
            {
              ...uaeId.data.documents[0],
              lookup: { status: 'SUCCESS', data: { faceImage: TINY_JPEG } },
            },
          ],
        },
      },
      { now: uaeId.iat * 1000 },
    );
    render(<UqudoSummaryView summary={summary} />);
    const card = screen.getByRole('region', { name: 'Government record photo (UAE_ID)' });
    expect(card.querySelector('img')?.getAttribute('src')).toBe(
      `data:image/jpeg;base64,${TINY_JPEG}`,
    );
  });

  it('renders only JPEG and PNG bytes: not JPEG 2000, oversized or disguised photos', () => {
    const photo = (overrides: Partial<InlinePhoto>): InlinePhoto => ({
      source: 'chip',
      label: 'Chip photo',
      path: '$.data.documents[0].reading.data.photo',
      mimeType: 'image/jpeg',
      detectedType: 'image/jpeg',
      base64: TINY_JPEG,
      approxBytes: 60,
      ...overrides,
    });
    const big = 'A'.repeat(Math.ceil((MAX_INLINE_PHOTO_BYTES * 4) / 3) + 400);
    const { container } = render(
      <UqudoSummaryView
        summary={emptySummary({
          inlinePhotos: [
            photo({ mimeType: 'image/jp2', detectedType: 'image/jp2', path: '$.a' }),
            photo({ base64: big, approxBytes: (big.length * 3) / 4, path: '$.b' }),
            // Declared a JPEG, but its bytes are HTML: never put in an <img>.
            photo({ base64: 'PGh0bWw+PHNjcmlwdD4=', path: '$.c', detectedType: undefined }),
          ].map(({ detectedType, ...rest }) => (detectedType ? { ...rest, detectedType } : rest)),
        })}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/JPEG 2000: Chrome cannot display it/)).toBeTruthy();
    expect(screen.getByText(/over the 2\.0 MB the panel shows inline/)).toBeTruthy();
    expect(
      screen.getByText(/not a JPEG, PNG or JPEG 2000 picture \(declared image\/jpeg\)/),
    ).toBeTruthy();
  });

  it('shows shape notes and an empty summary without crashing', () => {
    render(
      <UqudoSummaryView
        summary={emptySummary({
          hasData: false,
          notes: ['The payload has no `data` object, so it is probably not a Uqudo SDK result.'],
        })}
      />,
    );
    expect(screen.getByText(/probably not a Uqudo SDK result/)).toBeTruthy();
    expect(screen.getByText(/0 problems, 0 to look at/)).toBeTruthy();
  });
});
