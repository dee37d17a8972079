// Blocks shared by several sandbox payloads: SDK source, chip certificates, verification checks, device attestation.
import type { ScenarioContext } from './context';

/** `data.source` of a mobile SDK result (undocumented by Uqudo, but present in every result seen). */
export function mobileSource(ctx: ScenarioContext) {
  return {
    sdkType: 'KYC_MOBILE',
    sdkVersion: '3.6.1',
    sourceIp: ctx.sourceIp,
    devicePlatform: 'Android',
    deviceVersion: '14',
    deviceManufacturer: 'SANDBOX',
    deviceModel: 'SAMPLE-DEVICE-1',
  };
}

/** `data.source` of a Web SDK result. */
export function webSource(ctx: ScenarioContext) {
  return {
    sdkType: 'KYC_WEB',
    sdkVersion: '3.2.2',
    sourceIp: ctx.sourceIp,
    devicePlatform: 'Linux',
    deviceVersion: 'Chromium',
    deviceManufacturer: 'SANDBOX',
    deviceModel: 'SAMPLE-BROWSER',
  };
}

/** Uqudo prints certificate validity as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (Validation and Parsing example). */
function certificateTime(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01T09:00:00.000+0000`;
}

/**
 * A chip certificate as the reading object prints it: serial, subject/issuer DNs, validity,
 * algorithms and a SHA-1 thumbprint (40 hex). Obviously fake ("NOT REAL").
 */
export function certificate(role: 'CSCA' | 'DS', issuedAt: number) {
  const year = new Date(issuedAt * 1000).getUTCFullYear();
  const csca = 'C=UT,O=UQUDO INSPECTOR SANDBOX,CN=SANDBOX CSCA (NOT REAL)';
  return {
    serialNumber: role === 'CSCA' ? '1' : '464',
    publicKeyAlgorithm: 'RSA',
    subject:
      role === 'CSCA'
        ? csca
        : 'C=UT,O=UQUDO INSPECTOR SANDBOX,CN=SANDBOX DOCUMENT SIGNER (NOT REAL)',
    certificateThumbprint:
      role === 'CSCA'
        ? '5a4d504c45000000000000000000000000000001'
        : '5a4d504c45000000000000000000000000000002',
    validFrom: certificateTime(year - (role === 'CSCA' ? 5 : 3), 1),
    signatureAlgorithm: 'SHA256WITHRSA',
    issuer: csca,
    validTo: certificateTime(year + (role === 'CSCA' ? 10 : 7), 1),
  };
}

/** `sourceDetection`: `allowNonPhysicalDocuments` is documented as always true for the Web SDK. */
export function sourceDetection(sdk: 'mobile' | 'web') {
  return {
    enabled: true,
    allowNonPhysicalDocuments: sdk === 'web',
    selectedResolution: sdk === 'web' ? '1280x720' : '1920x1080',
    optimalResolution: true,
  };
}

/** The three fraud scores (0–100, higher = more likely fraud). */
export function fraudScores() {
  return {
    idScreenDetection: { enabled: true, score: 3 },
    idPrintDetection: { enabled: true, score: 1 },
    idPhotoTamperingDetection: { enabled: true, score: 2 },
  };
}

/** A chip reading whose passive authentication passed; active authentication is not run. */
export function readingVerification(options: { chipAuthentication: boolean }) {
  return {
    enabled: true,
    passiveAuthentication: {
      enabled: true,
      countrySigningCertificateAvailable: true,
      documentSigningCertificateAvailable: true,
      documentSigningCertificateSignatureValid: true,
      documentDataSignatureValid: true,
    },
    chipAuthentication: { enabled: options.chipAuthentication },
    activeAuthentication: { enabled: false },
  };
}

/** Where a compared value came from, as `dataConsistencyCheck.fields[].sources[]` prints it. */
export interface ConsistencySource {
  source: 'SCAN' | 'READING' | 'LOOKUP';
  /** FRONT or BACK for scans; left out for the chip and the lookup. */
  documentSide?: 'FRONT' | 'BACK';
  /** The field's name in that source, e.g. `secondaryIdentifier`. */
  name: string;
  value: string;
}

/** One compared field: camelCase common name, verdict and every source with its own field name. */
export function consistencyField(
  name: string,
  match: 'MATCH' | 'MATCH_PARTIALLY' | 'NO_MATCH',
  sources: ConsistencySource[],
) {
  return { name, match, sources };
}

/** Mobile device attestation with exactly the documented risk and info keys, all clear. */
export function mobileDeviceAttestation(ctx: ScenarioContext) {
  return {
    risk: {
      applicationStore: 'receipt',
      debugging: false,
      hooking: false,
      deviceMasked: false,
      emulated: false,
      rooted: false,
      proxy: false,
      gpsSpoofers: false,
      screenSharing: false,
      vpnRunning: false,
      suspiciousFactoryReset: false,
      sdkConnectionIntercepted: false,
      payloadTampered: false,
    },
    info: {
      identifier: '00000000000000000000000000000000',
      platform: 'ANDROID',
      manufacturer: 'sandbox',
      model: 'sample-device-1',
      version: '14',
      cpuArchitecture: 'aarch64',
      timezone: '4',
      userAgent: 'SandboxDemo/1 (NOT REAL)',
      ipInfo: [{ ip: ctx.sourceIp, countryCode: 'AE' }],
      gpsCoordinates: [],
    },
  };
}
