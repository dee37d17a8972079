// @vitest-environment happy-dom
// Tests for ImagePreview: preview with facts and pixel size, JPEG 2000 as download only, failures explained.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { explainReplay } from '../lib/replay/explain';
import { ImagePreview } from './ImagePreview';

afterEach(() => cleanup());

describe('ImagePreview', () => {
  it('shows a JPEG with type, size, pixel dimensions once loaded, and a named download', async () => {
    render(
      <ImagePreview
        label="frontImageId (PASSPORT)"
        detail="65a1f0c2e4b0a1b2c3d4e5f7"
        imageId="65a1f0c2e4b0a1b2c3d4e5f7"
        state="loaded"
        src="blob:x/1"
        mimeType="image/jpeg"
        byteSize={158_925}
        fileName="s-frontImageId-65a1.jpg"
      />,
    );
    const figure = screen.getByTestId('image-preview');
    expect(figure.getAttribute('data-state')).toBe('loaded');
    expect(figure.getAttribute('data-image-id')).toBe('65a1f0c2e4b0a1b2c3d4e5f7');
    const img = screen.getByRole('img') as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('blob:x/1');
    expect(figure.textContent).toContain('image/jpeg · 155.2 KB');
    Object.defineProperty(img, 'naturalWidth', { value: 600 });
    Object.defineProperty(img, 'naturalHeight', { value: 800 });
    fireEvent.load(img);
    expect(await screen.findByText(/600 × 800 px/)).toBeTruthy();
    const link = screen.getByTestId('image-download');
    expect(link.getAttribute('href')).toBe('blob:x/1');
    expect(link.getAttribute('download')).toBe('s-frontImageId-65a1.jpg');
  });

  it('offers JPEG 2000 as a download only', () => {
    render(
      <ImagePreview
        label="Chip photo"
        state="loaded"
        src="data:image/jp2;base64,AAAA"
        mimeType="image/jp2"
        byteSize={3}
        fileName="chip-photo.jp2"
      />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/JPEG 2000: Chrome cannot display it/)).toBeTruthy();
    expect(screen.getByTestId('image-download').getAttribute('download')).toBe('chip-photo.jp2');
  });

  it('says when the browser cannot decode the bytes', async () => {
    render(<ImagePreview label="x" state="loaded" src="blob:x/2" mimeType="image/jpeg" />);
    fireEvent.error(screen.getByRole('img'));
    expect(await screen.findByText(/could not decode this image/)).toBeTruthy();
    expect(screen.getByTestId('image-download')).toBeTruthy();
  });

  it('explains a failed fetch and offers removal', () => {
    let removed = false;
    render(
      <ImagePreview
        label="faceImageId"
        state="failed"
        httpStatus={404}
        failure={explainReplay('image', 404)}
        onRemove={() => {
          removed = true;
        }}
      />,
    );
    const figure = screen.getByTestId('image-preview');
    expect(figure.textContent).toContain('Image not found or expired (404)');
    expect(figure.textContent).toContain('Run a new session and fetch its images');
    expect(screen.queryByTestId('image-download')).toBeNull();
    fireEvent.click(screen.getByText('Remove'));
    expect(removed).toBe(true);
  });

  it('shows a pending image as fetching', () => {
    render(<ImagePreview label="x" state="pending" />);
    expect(screen.getByText('Fetching…')).toBeTruthy();
  });
});
