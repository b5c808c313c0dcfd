import { createECDH, createHmac, createDecipheriv, randomBytes, type ECDH } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway self-signed certificate for 127.0.0.1 (web-push only speaks https). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'placette-push-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A stand-in push service on loopback, with a real browser-side key pair: it records each
 * request and decrypts its aes128gcm body as the browser would (RFC 8291 + RFC 8188), so a test
 * reads exactly what a subscriber's service worker would receive.
 */
export interface ReceivedPush {
  subscriber: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  plaintext: string;
}

export interface FakeSubscriber {
  name: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  ecdh: ECDH;
  authSecret: Buffer;
}

function hkdf(salt: Buffer, ikm: Buffer, info: Buffer, length: number): Buffer {
  const prk = createHmac('sha256', salt).update(ikm).digest();
  return createHmac('sha256', prk).update(Buffer.concat([info, Buffer.from([1])])).digest().subarray(0, length);
}

/** RFC 8291 §3.4 and RFC 8188 §2: decrypts a single-record aes128gcm Web Push message. */
export function decryptWebPush(body: Buffer, subscriber: Pick<FakeSubscriber, 'ecdh' | 'authSecret'>): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const uaPublic = subscriber.ecdh.getPublicKey();
  const shared = subscriber.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, serverPublicKey]);
  const ikm = hkdf(subscriber.authSecret, shared, keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // Strip the padding delimiter (0x02 for the last record) and any zero padding after it.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  return padded.subarray(0, end).toString('utf8');
}

export async function startPushEndpoint(): Promise<{
  origin: string;
  /** An https agent that trusts this endpoint's certificate (pass it to web-push). */
  agent: Agent;
  /** The endpoint's certificate (PEM), e.g. for a server process's NODE_EXTRA_CA_CERTS. */
  certificate: Buffer;
  received: ReceivedPush[];
  subscriber: (name: string, status?: number) => FakeSubscriber;
  close: () => Promise<void>;
}> {
  const subscribers = new Map<string, { sub: FakeSubscriber; status: number }>();
  const received: ReceivedPush[] = [];
  const tls = selfSignedCertificate();
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const name = decodeURIComponent((req.url ?? '').replace(/^\/push\//, ''));
      const entry = subscribers.get(name);
      if (!entry) {
        res.writeHead(404).end();
        return;
      }
      const body = Buffer.concat(chunks);
      received.push({ subscriber: name, headers: req.headers, body, plaintext: decryptWebPush(body, entry.sub) });
      res.writeHead(entry.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    agent: new Agent({ ca: tls.cert }),
    certificate: tls.cert,
    received,
    subscriber(name, status = 201) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const sub: FakeSubscriber = {
        name,
        endpoint: `${origin}/push/${encodeURIComponent(name)}`,
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: authSecret.toString('base64url'),
        ecdh,
        authSecret
      };
      subscribers.set(name, { sub, status });
      return sub;
    },
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
