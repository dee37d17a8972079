// Says in one line where the panel's verification keys come from ("Keys: JWKS … (set by npm run demo)").
import type { SetupStatus } from './checks';
import { UQUDO_JWKS_URL, keySourceOf, type KeySourceSetter, type PanelSettings } from './settings';

const SETTER_NOTES: Record<KeySourceSetter, string> = {
  user: '',
  demo: ' (set by npm run demo)',
  suggestion: " (from a result's iss, confirmed by you)",
};

/** Pasted-key descriptions longer than this are cut (they list every key). */
const MAX_KEYS_DESCRIPTION = 300;

/**
 * The key source in words, always shown in the panel: "Keys: Uqudo JWKS https://id.uqudo.io/…",
 * "Keys: JWKS http://127.0.0.1:8321/api/.well-known/jwks.json (set by npm run demo)", "Keys: pasted
 * — JWKS with 2 keys: …", or "Keys: none …" when the selected source is unusable. Whether loading
 * the keys worked is `keySetup`'s business; for pasted keys its description names them.
 */
export function describeKeySource(settings: PanelSettings, keySetup: SetupStatus): string {
  const note = SETTER_NOTES[settings.keySourceSetBy];
  const source = keySourceOf(settings);
  if (!source) {
    return settings.keySource === 'pasted'
      ? 'Keys: none (nothing pasted in Settings): signatures are not checked'
      : 'Keys: none (the JWKS URL in Settings is not usable): signatures are not checked';
  }
  if (source.kind === 'url') {
    const uqudo = settings.keySource === 'uqudo-jwks' && source.url === UQUDO_JWKS_URL;
    return `Keys: ${uqudo ? 'Uqudo JWKS' : 'JWKS'} ${source.url}${note}`;
  }
  if (keySetup.state === 'ready') return `Keys: pasted — ${cut(keySetup.description)}${note}`;
  if (keySetup.state === 'error') return `Keys: pasted, unreadable${note}`;
  return `Keys: pasted${note}`;
}

function cut(text: string): string {
  return text.length > MAX_KEYS_DESCRIPTION ? `${text.slice(0, MAX_KEYS_DESCRIPTION)}…` : text;
}
