// Bench floor for `scan`: JSON.parse + the token regex + one jose verify per token, in one process.
import { readFileSync } from 'node:fs';
import { compactVerify, importJWK } from 'jose';

const [harFile, jwksFile] = process.argv.slice(2);
const jwks = JSON.parse(readFileSync(jwksFile, 'utf8'));
const key = await importJWK(jwks.keys[0], 'RS256');
const har = JSON.parse(readFileSync(harFile, 'utf8'));
const regex = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
let verified = 0;
for (const entry of har.log.entries) {
  const texts = [
    entry.request.url,
    ...entry.request.headers.map((h) => h.value),
    entry.request.postData?.text ?? '',
    ...entry.response.headers.map((h) => h.value),
    entry.response.content.text ?? '',
  ];
  for (const text of texts) {
    for (const match of text.match(regex) ?? []) {
      await compactVerify(match, key);
      verified++;
    }
  }
}
process.stdout.write(`${verified}\n`);
