// Bench floor for `inspect`: node doing the same jose verify, nothing else (run through npm by cli.ts).
import { readFileSync } from 'node:fs';
import { compactVerify, importJWK } from 'jose';

const [token, jwksFile] = process.argv.slice(2);
const jwks = JSON.parse(readFileSync(jwksFile, 'utf8'));
const key = await importJWK(jwks.keys[0], 'RS256');
const { payload } = await compactVerify(token, key);
process.stdout.write(`${new TextDecoder().decode(payload).length}\n`);
