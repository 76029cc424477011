// An independent implementation of cosign's encrypted key format (scrypt, then NaCl secretbox
// over the PKCS#8 DER), used to check temper's key files from outside the JVM.
//
//   node cosign-key.js open KEY_FILE           prints the public key PEM of the decrypted key
//   node cosign-key.js write KEY_FILE PUB_FILE  writes a new encrypted key pair
//
// The password is read from COSIGN_PASSWORD.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const nacl = require('tweetnacl');

const LABEL = 'ENCRYPTED SIGSTORE PRIVATE KEY';

function pemBody(text) {
  const match = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!match) throw new Error('no PEM block');
  return { label: match[1], der: Buffer.from(match[2].replace(/\s+/g, ''), 'base64') };
}

function toPem(label, der) {
  const lines = der.toString('base64').match(/.{1,64}/g).join('\n');
  return `-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`;
}

function scryptKey(password, salt, params) {
  const { N, r, p } = params;
  return crypto.scryptSync(Buffer.from(password, 'utf8'), salt, 32, {
    N, r, p, maxmem: 256 * N * r + 1024 * 1024,
  });
}

function open(keyFile) {
  const { label, der } = pemBody(fs.readFileSync(keyFile, 'ascii'));
  if (label !== LABEL && label !== 'ENCRYPTED COSIGN PRIVATE KEY') throw new Error(`label ${label}`);
  const envelope = JSON.parse(der.toString('utf8'));
  if (envelope.kdf.name !== 'scrypt' || envelope.cipher.name !== 'nacl/secretbox') {
    throw new Error('unexpected kdf or cipher');
  }
  const key = scryptKey(process.env.COSIGN_PASSWORD, Buffer.from(envelope.kdf.salt, 'base64'),
    envelope.kdf.params);
  const plain = nacl.secretbox.open(new Uint8Array(Buffer.from(envelope.ciphertext, 'base64')),
    new Uint8Array(Buffer.from(envelope.cipher.nonce, 'base64')), new Uint8Array(key));
  if (!plain) throw new Error('secretbox open failed: wrong password');
  const privateKey = crypto.createPrivateKey({ key: Buffer.from(plain), format: 'der', type: 'pkcs8' });
  const spki = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  process.stdout.write(toPem('PUBLIC KEY', spki));
}

function write(keyFile, pubFile) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const salt = crypto.randomBytes(32);
  const nonce = crypto.randomBytes(24);
  const params = { N: 32768, r: 8, p: 1 };
  const key = scryptKey(process.env.COSIGN_PASSWORD, salt, params);
  const box = nacl.secretbox(new Uint8Array(pkcs8), new Uint8Array(nonce), new Uint8Array(key));
  const envelope = {
    kdf: { name: 'scrypt', params, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(box).toString('base64'),
  };
  fs.writeFileSync(keyFile, toPem(LABEL, Buffer.from(JSON.stringify(envelope), 'utf8')));
  fs.writeFileSync(pubFile, toPem('PUBLIC KEY', publicKey.export({ format: 'der', type: 'spki' })));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'open') open(args[0]);
else if (command === 'write') write(args[0], args[1]);
else throw new Error(`unknown command ${command}`);
