// Verifies a Sigstore bundle with @sigstore/verify, trusting one public key and requiring no
// transparency log entries, certificates or timestamps.
//
//   node verify-bundle.js BUNDLE_FILE PUBLIC_KEY_PEM [ARTIFACT_FILE]
//
// Prints "verified" and exits 0, or prints the error and exits 1.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const { bundleFromJSON } = require('@sigstore/bundle');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

const [bundleFile, keyFile, artifactFile] = process.argv.slice(2);
try {
  const bundle = bundleFromJSON(JSON.parse(fs.readFileSync(bundleFile, 'utf8')));
  const spki = crypto.createPublicKey(fs.readFileSync(keyFile, 'ascii'))
    .export({ format: 'der', type: 'spki' });
  const hint = bundle.verificationMaterial.content.publicKey.hint;
  const root = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [],
  };
  const keys = { [hint]: { rawBytes: spki, keyDetails: 'PKIX_ECDSA_P256_SHA_256' } };
  const verifier = new Verifier(toTrustMaterial(root, keys), {
    tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0,
  });
  const artifact = artifactFile ? fs.readFileSync(artifactFile) : undefined;
  verifier.verify(toSignedEntity(bundle, artifact));
  console.log('verified');
} catch (error) {
  console.log(`not verified: ${error.message}`);
  process.exit(1);
}
