// Session-wide sections: session id and nonce, the SDK source, and device attestation risks.
import { asBoolean, asRecord, asText, childPath, clip, get, item, type JsonObject } from './read';
import type { SummaryItem, SummarySection, UqudoSummary } from './types';

/**
 * Device-attestation risk flags that depend on context (a VPN or proxy is common on corporate
 * networks) and are shown as `warn`; every other risk flag that is true is shown as `bad`.
 */
const CONTEXTUAL_DEVICE_RISKS: readonly string[] = [
  'vpnRunning',
  'proxy',
  'incognito',
  'screenSharing',
];

/** Session id (data.sessionId or jti) and nonce. */
export function sessionSection(
  summary: UqudoSummary,
  jti: string | undefined,
  dataPath: string,
): SummarySection | undefined {
  const items: SummaryItem[] = [];
  if (summary.sessionId) {
    items.push(
      item(
        'Session id',
        clip(summary.sessionId),
        'info',
        summary.sessionIdSource === 'data.sessionId'
          ? 'From data.sessionId (face session): use it, not jti, for Info API calls and DELETE.'
          : 'From jti: the id for Info API calls, image downloads and DELETE.',
        summary.sessionIdSource === 'data.sessionId' ? `${dataPath}.sessionId` : '$.jti',
      ),
    );
    if (summary.sessionIdSource === 'data.sessionId' && jti && jti !== summary.sessionId) {
      items.push(
        item(
          'Token id (jti)',
          clip(jti),
          'info',
          'A fresh id for this token; not the session id.',
          '$.jti',
        ),
      );
    }
  }
  if (summary.hasData) {
    items.push(
      summary.nonce
        ? item(
            'Nonce',
            clip(summary.nonce),
            'info',
            'Compare it with the nonce your backend created for this session.',
            `${dataPath}.nonce`,
          )
        : item(
            'Nonce',
            'none',
            'info',
            'No nonce: Uqudo recommends minting one on your backend and comparing it here.',
            `${dataPath}.nonce`,
          ),
    );
  }
  return items.length ? { id: 'session', title: 'Session', items } : undefined;
}

/** `data.source`: SDK type and version, device and IP. */
export function sourceSection(value: unknown, path: string): SummarySection | undefined {
  const source = asRecord(value);
  if (!source) return undefined;
  const items: SummaryItem[] = [];
  for (const [key, label] of [
    ['sdkType', 'SDK type'],
    ['sdkVersion', 'SDK version'],
    ['devicePlatform', 'Platform'],
    ['deviceVersion', 'OS version'],
    ['deviceManufacturer', 'Manufacturer'],
    ['deviceModel', 'Device model'],
    ['sourceIp', 'Source IP'],
  ] as const) {
    const text = asText(get(source, key));
    if (text) items.push(item(label, clip(text), 'info', undefined, `${path}.${key}`));
  }
  return items.length ? { id: 'source', title: 'Source', items } : undefined;
}

/** `deviceAttestation` (in `data` or at the top level): raised risk flags and the device. */
export function deviceAttestationSection(
  root: JsonObject,
  data: JsonObject | undefined,
  dataPath: string,
): SummarySection | undefined {
  let attestation = data ? asRecord(get(data, 'deviceAttestation')) : undefined;
  let path = `${dataPath}.deviceAttestation`;
  if (!attestation) {
    attestation = asRecord(get(root, 'deviceAttestation'));
    path = '$.deviceAttestation';
  }
  if (!attestation) return undefined;
  const items: SummaryItem[] = [];
  const risk = asRecord(get(attestation, 'risk'));
  if (risk) {
    const raised: SummaryItem[] = [];
    const other: SummaryItem[] = [];
    for (const key of Object.keys(risk).slice(0, 200)) {
      const raw = get(risk, key);
      const flag = asBoolean(raw);
      const keyPath = childPath(`${path}.risk`, key);
      if (flag === true) {
        const contextual = CONTEXTUAL_DEVICE_RISKS.includes(key);
        raised.push(
          item(
            clip(key),
            'true',
            contextual ? 'warn' : 'bad',
            contextual
              ? 'Depends on context; evaluate it against your risk policy.'
              : 'A high-risk signal for the device or SDK runtime.',
            keyPath,
          ),
        );
      } else if (
        flag === undefined &&
        raw !== null &&
        raw !== undefined &&
        typeof raw !== 'object'
      ) {
        other.push(item(clip(key), clip(String(raw)), 'info', undefined, keyPath));
      }
    }
    if (raised.length === 0) {
      items.push(
        item(
          'Risk flags',
          'none raised',
          'good',
          'No device-attestation risk flag is true.',
          `${path}.risk`,
        ),
      );
    }
    items.push(...raised, ...other);
  } else {
    items.push(item('Risk flags', 'not present', 'info', undefined, path));
  }
  const info = asRecord(get(attestation, 'info'));
  if (info) {
    const device = ['platform', 'manufacturer', 'model', 'version']
      .map((key) => asText(get(info, key)))
      .filter(Boolean)
      .join(' ');
    if (device) items.push(item('Device', clip(device), 'info', undefined, `${path}.info`));
  }
  return { id: 'device-attestation', title: 'Device attestation', items };
}
