/**
 * `npm run log:keygen -- <key name>`: a new Ed25519 log key. Prints the signer key (secret:
 * put it in LOG_SIGNER_KEY, never in the repository) and the verifier key (public).
 */
import { generateKey, isValidKeyName } from "@/lib/core/log";

const name = process.argv[2];
if (!name || !isValidKeyName(name)) {
  console.error("usage: npm run log:keygen -- <key name, e.g. portal.example.gov/log>");
  process.exit(2);
}
const { signerKey, verifierKey } = generateKey(name);
console.log(`LOG_SIGNER_KEY=${signerKey}`);
console.log(`verifier key: ${verifierKey}`);
