// Prints tweetnacl's secretbox of a message, all values in hex, to compare byte for byte.
//
//   node secretbox.js KEY_HEX NONCE_HEX MESSAGE_HEX
'use strict';
const nacl = require('tweetnacl');

const [key, nonce, message] = process.argv.slice(2).map((hex) => new Uint8Array(Buffer.from(hex, 'hex')));
process.stdout.write(Buffer.from(nacl.secretbox(message, nonce, key)).toString('hex'));
