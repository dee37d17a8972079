// Verification and decryption keys: parsing (parse, decryption), hygiene rules, selection and the JWKS URL loader.
export {
  ASYMMETRIC_SIGNING_ALGS,
  checkVerificationKeySet,
  describeVerificationKey,
  parseKeys,
  type ParsedKeys,
  type RefusedKey,
  type VerificationKey,
} from './parse';
export {
  checkDecryptionKeyAlg,
  listKeyManagementAlgs,
  parseDecryptionKey,
  type DecryptionKey,
} from './decryption';
export { checkHmacKeyLength } from './hygiene';
export {
  createRefusedKeyResolver,
  createStaticKeyResolver,
  selectKeys,
  type KeyLookup,
  type KeyResolver,
} from './select';
export { createJwksLoader } from './jwks-loader';
export { importKeyOnce } from './import-cache';
