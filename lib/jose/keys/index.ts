// Verification and decryption keys: parsing (parse, decryption), hygiene rules, selection and the JWKS URL loader.
export {
  ASYMMETRIC_SIGNING_ALGS,
  checkVerificationKeySet,
  describeVerificationKey,
  parseKeys,
  type KeyParseError,
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
export { MIN_RSA_BITS, MIN_RSA_EXPONENT, checkHmacKeyLength, checkRsaPublicKey } from './hygiene';
export { MAX_KEY_TEXT_LENGTH } from './pem';
export {
  createRefusedKeyResolver,
  createStaticKeyResolver,
  importKeyForAlg,
  isKeyUsableForAlg,
  selectKeys,
  type KeyLookup,
  type KeyResolver,
} from './select';
export { createJwksLoader, type JwksLoaderOptions } from './jwks-loader';
