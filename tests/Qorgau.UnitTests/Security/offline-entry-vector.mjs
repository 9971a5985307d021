// Makes OfflineEntrySealTests' known-answer vector with WebCrypto, the way wwwroot/js/offline-visit.js seals
// (node offline-entry-vector.mjs): a recipient key pair, then one entry sealed to it.
const subtle = globalThis.crypto.subtle;
const b64 = (bytes) => Buffer.from(new Uint8Array(bytes)).toString('base64');
const visitId = '01937a4e-5b6c-7d8e-9f00-112233445566';
const plaintext = '{"kind":"finding","fields":{"Text":"no medical examination on admission"}}';

const recipient = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
const spki = await subtle.exportKey('spki', recipient.publicKey);
const publicKey = await subtle.importKey('spki', spki, { name: 'ECDH', namedCurve: 'P-256' }, false, []);

const encoder = new TextEncoder();
const ephemeral = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
const secret = await subtle.deriveBits({ name: 'ECDH', public: publicKey }, ephemeral.privateKey, 256);
const hkdf = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
const key = await subtle.deriveKey(
  { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(visitId), info: encoder.encode('qorgau-offline-entry') },
  hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
const nonce = globalThis.crypto.getRandomValues(new Uint8Array(12));
const cipher = await subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: encoder.encode(visitId) }, key, encoder.encode(plaintext));

console.log(JSON.stringify({
  visitId,
  plaintext,
  recipientPkcs8: b64(await subtle.exportKey('pkcs8', recipient.privateKey)),
  recipientSpki: b64(spki),
  ephemeralPublicKey: b64(await subtle.exportKey('raw', ephemeral.publicKey)),
  nonce: b64(nonce),
  ciphertext: b64(cipher),
}, null, 2));
