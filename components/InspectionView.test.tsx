// @vitest-environment happy-dom
// Tests for InspectionView: JWS detail, expired result, JWE locked / failed / decrypted (recursive), malformed.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { CompactEncrypt, SignJWT, exportJWK, generateKeyPair } from 'jose';
import passport from '../lib/uqudo/fixtures/passport.json';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import type { Inspection } from '../lib/jose/inspect';
import { createStaticKeyResolver, parseDecryptionKey, parseKeys } from '../lib/jose/keys';
import { createEmptySummary, type UqudoSummary } from '../lib/uqudo/summary';
import { InspectionView } from './InspectionView';

afterEach(cleanup);

const header = { alg: 'RS256', kid: '0123456789abcdef0123456789abcdef' };
const during = (passport.iat + 60) * 1000;

const validResult: Inspection = {
  format: 'jws',
  header,
  payload: passport,
  signature: 'valid',
  kind: 'uqudo-result',
  findings: [{ severity: 'info', code: 'verified-with-key', message: 'Verified with key 0123…' }],
};

const jweHeader = { alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' };

/** The labelled <section> (an ARIA region) named `name`; a selector keeps big DOMs fast. */
function region(name: string, container: ParentNode = document): HTMLElement {
  const found = container.querySelector(`section[aria-label="${name}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`no region ${name}`);
  return found;
}

describe('InspectionView', () => {
  it('shows a valid Uqudo result: verdict, findings, time claims, summary, header and payload', () => {
    const { container } = render(<InspectionView inspection={validResult} now={during} />);
    expect(container.querySelector('.verdict-badge')!.textContent).toBe('signature valid');
    expect(container.querySelector('[data-signature]')!.textContent).toBe('signature valid');
    expect(container.querySelector('.inspection-meta')!.textContent).toBe(
      'JWS · Uqudo result · alg "RS256" · kid "0123456789abcdef0123456789abcdef"',
    );
    expect(within(region('Findings')).getByText('Verified with key 0123…')).toBeTruthy();
    expect(container.querySelector('[role="timer"]')!.textContent).toBe('expires in 29 min 00 s');
    expect(region('Document PASSPORT', region('Uqudo result'))).toBeTruthy();
    expect(within(region('Header')).getByText('"RS256"')).toBeTruthy();
    // Payload tree opens two levels: top-level claims and the keys of data.
    const payloadTree = region('Payload');
    expect(within(payloadTree).getByText('"https://id.uqudo.io"')).toBeTruthy();
    expect(within(payloadTree).getByText('documents')).toBeTruthy();
    expect(container.textContent!.toLowerCase()).not.toContain('approved');
  });

  it('keeps the trees as the user left them while the countdown ticks', () => {
    const { container, rerender } = render(
      <InspectionView inspection={validResult} now={during} />,
    );
    const payloadTree = region('Payload');
    const documentsToggle = within(payloadTree).getByText('documents').closest('button')!;
    fireEvent.click(documentsToggle);
    expect(documentsToggle.getAttribute('aria-expanded')).toBe('true');
    rerender(<InspectionView inspection={validResult} now={during + 1000} />);
    expect(container.querySelector('[role="timer"]')!.textContent).toBe('expires in 28 min 59 s');
    expect(documentsToggle.isConnected).toBe(true);
    expect(documentsToggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('uses a summary passed in by the caller instead of computing one', () => {
    const summary: UqudoSummary = {
      ...createEmptySummary(),
      hasData: true,
      notes: ['precomputed by the store'],
    };
    render(<InspectionView inspection={validResult} summary={summary} now={during} />);
    expect(screen.getByText('precomputed by the store')).toBeTruthy();
    expect(screen.queryByText('PASSPORT')).toBeNull();
  });

  it('shows an expired result as invalid with the error first and an expired countdown', () => {
    const expired: Inspection = {
      ...validResult,
      findings: [
        { severity: 'info', code: 'verified-with-key', message: 'Verified with key 0123…' },
        { severity: 'error', code: 'expired', message: 'The token expired 5 min ago.' },
      ],
    };
    const { container } = render(
      <InspectionView inspection={expired} now={(passport.exp + 300) * 1000} />,
    );
    expect(container.querySelector('.verdict-badge')!.textContent).toBe('invalid');
    const severities = [...region('Findings').querySelectorAll('.finding-severity')].map(
      (element) => element.textContent,
    );
    expect(severities).toEqual(['error', 'info']);
    expect(container.querySelector('[role="timer"]')!.textContent).toBe('expired 5 min ago');
  });

  it('shows a JWE without a key as encrypted with its protected header and the hint', () => {
    const locked: Inspection = {
      format: 'jwe',
      header: jweHeader,
      payload: null,
      signature: 'unverified',
      kind: 'unknown',
      findings: [
        {
          severity: 'info',
          code: 'encrypted',
          message: 'Encrypted (RSA-OAEP-256, A256GCM); provide the private key to decrypt it.',
        },
      ],
    };
    const { container } = render(<InspectionView inspection={locked} now={during} />);
    expect(container.querySelector('.verdict-badge')!.textContent).toBe('encrypted');
    expect(within(region('Protected header')).getByText('"A256GCM"')).toBeTruthy();
    expect(screen.getByText('encrypted — add a private key in Settings to decrypt')).toBeTruthy();
    expect(container.querySelector('section[aria-label="Payload"]')).toBeNull();
    expect(container.querySelector('section[aria-label="Time claims"]')).toBeNull();
  });

  it('says decryption failed instead of asking for a key when the key did not work', () => {
    const failed: Inspection = {
      format: 'jwe',
      header: jweHeader,
      payload: null,
      signature: 'unverified',
      kind: 'unknown',
      findings: [{ severity: 'error', code: 'decrypt-failed', message: 'Decryption failed.' }],
    };
    const { container } = render(<InspectionView inspection={failed} now={during} />);
    expect(container.querySelector('.verdict-badge')!.textContent).toBe('invalid');
    expect(screen.getByText(/Could not decrypt with the configured private key/)).toBeTruthy();
    expect(screen.queryByText(/add a private key/)).toBeNull();
  });

  it('renders a decrypted JWE with its nested JWS below, summary only in the inner view', () => {
    const decrypted: Inspection = {
      format: 'jwe',
      header: jweHeader,
      payload: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
      signature: 'unverified',
      kind: 'uqudo-result',
      inner: validResult,
      findings: [],
    };
    const { container } = render(<InspectionView inspection={decrypted} now={during} />);
    const articles = container.querySelectorAll('article.inspection');
    expect(articles).toHaveLength(2);
    expect(articles[0]!.getAttribute('data-depth')).toBe('0');
    expect(articles[1]!.getAttribute('data-depth')).toBe('1');
    const inner = region('Decrypted content');
    expect(within(inner).getAllByText('signature valid')).toHaveLength(2);
    expect(region('Uqudo result', inner)).toBeTruthy();
    expect(container.querySelectorAll('.uqudo-summary')).toHaveLength(1);
    expect(within(inner).getByText('Copy inner token').closest('button')).toBeTruthy();
    expect(screen.queryByText(/add a private key/)).toBeNull();
  });

  it('shows a malformed token as malformed with its findings only', () => {
    const malformed: Inspection = {
      format: 'invalid',
      header: null,
      payload: null,
      signature: 'unverified',
      kind: 'unknown',
      findings: [{ severity: 'error', code: 'malformed', message: 'Not a compact JWS/JWE.' }],
    };
    const { container } = render(<InspectionView inspection={malformed} now={during} />);
    expect(container.querySelector('.verdict-badge')!.textContent).toBe('malformed');
    expect(container.querySelector('.inspection-meta')!.textContent).toBe('not a token');
    expect(screen.getByText('Not a compact JWS/JWE.')).toBeTruthy();
    expect(container.querySelector('.json-tree')).toBeNull();
  });

  it('renders what inspectUqudoToken really returns for a JWE wrapping a signed Uqudo result', async () => {
    const signing = await generateKeyPair('RS256', { extractable: true });
    const encryption = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const now = Math.floor(Date.now() / 1000);
    const jws = await new SignJWT({ ...passport, iat: now, exp: now + 1800 })
      .setProtectedHeader({ alg: 'RS256', kid: header.kid })
      .sign(signing.privateKey);
    const jwe = await new CompactEncrypt(new TextEncoder().encode(jws))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
      .encrypt(encryption.publicKey);
    const keys = await parseKeys(
      JSON.stringify({ keys: [{ ...(await exportJWK(signing.publicKey)), kid: header.kid }] }),
    );
    const decryptionKey = await parseDecryptionKey(
      JSON.stringify(await exportJWK(encryption.privateKey)),
    );
    if (!keys.ok || !decryptionKey.ok) throw new Error('test keys did not parse');
    const inspection = await inspectUqudoToken(jwe, {
      keys: createStaticKeyResolver(keys.keys),
      decryptionKey: decryptionKey.key,
    });

    const { container } = render(<InspectionView inspection={inspection} now={now * 1000} />);
    const badges = [...container.querySelectorAll('.verdict-badge')].map((b) => b.textContent);
    expect(badges).toEqual(['signature valid', 'signature valid']);
    const inner = region('Decrypted content');
    expect(inner.querySelector('[role="timer"]')!.textContent).toBe('expires in 30 min 00 s');
    expect(region('Document PASSPORT', inner)).toBeTruthy();

    cleanup();
    const locked = await inspectUqudoToken(jwe);
    const view = render(<InspectionView inspection={locked} now={now * 1000} />);
    expect(view.container.querySelector('.verdict-badge')!.textContent).toBe('encrypted');
    expect(screen.getByText('encrypted — add a private key in Settings to decrypt')).toBeTruthy();
  });
});

describe('InspectionView — spoofing and unverified content', () => {
  it('shows a look-alike kid as quoted data and the signature state in its own element', () => {
    const forged: Inspection = {
      ...validResult,
      header: { alg: 'RS256', kid: '✔ valid (verified with Uqudo)\u202e' },
      signature: 'invalid',
      findings: [{ severity: 'error', code: 'signature-invalid', message: 'bad signature' }],
    };
    const { container } = render(<InspectionView inspection={forged} now={during} />);
    const meta = container.querySelector('.inspection-meta')!;
    expect(meta.textContent).toBe(
      'JWS · Uqudo result · alg "RS256" · kid "✔ valid (verified with Uqudo)⟨U+202E⟩"',
    );
    expect(meta.querySelectorAll('.untrusted')).toHaveLength(2);
    expect(container.querySelector('[data-signature]')!.textContent).toBe('signature invalid');
    expect(container.querySelector('.verdict-badge')!.textContent).toBe('invalid');
  });

  it('puts the summary of a result whose signature is not valid under a banner', () => {
    for (const signature of ['invalid', 'unverified'] as const) {
      const { container } = render(
        <InspectionView inspection={{ ...validResult, signature }} now={during} />,
      );
      const wrapper = container.querySelector('[data-testid="summary-unverified"]');
      expect(wrapper?.querySelector('.uqudo-summary')).not.toBeNull();
      expect(wrapper?.textContent).toContain('content not verified — may be forged');
      cleanup();
    }
    const { container } = render(<InspectionView inspection={validResult} now={during} />);
    expect(container.querySelector('.uqudo-summary')).not.toBeNull();
    expect(container.querySelector('[data-testid="summary-unverified"]')).toBeNull();
  });
});
