import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { checkoutOverHttp, freePort, prepareDatabase, startApp, stopAll } from '../support/app-server';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * The built server (`npm run build` first) with SMTP configured, against a real SMTP server
 * (smtp-server on loopback): orders placed over HTTP, emails counted as they arrive.
 */
let dir: string;
let sink: SmtpSink;

beforeAll(async () => {
  if (!existsSync('build/index.js')) throw new Error('run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'placette-mail-'));
  sink = await startSmtpSink();
});

afterAll(async () => {
  await stopAll();
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('order confirmation email, built server, real SMTP', () => {
  it('exactly one email per order, also for an idempotent replay and concurrent retries', async () => {
    const file = join(dir, 'mail.db');
    const shop = prepareDatabase(file, { customers: 2, bread: 50, capacity: 100 });
    const app = await startApp(file, { PLACETTE_SMTP_URL: sink.url, PLACETTE_MAIL_FROM: 'Placette <commandes@placette.example>', ORIGIN: 'https://placette.example' });

    const first = await checkoutOverHttp(app.origin, shop.cookies[0], 'mail-1', shop, 2);
    expect(first.status).toBe(201);
    const [mail] = await sink.waitFor(1);
    expect(mail.envelopeTo).toEqual(['client0@example.org']);
    expect(mail.parsed.subject).toBe(`Votre commande ${first.body.id!.toUpperCase()} est confirmée`);
    expect(mail.parsed.text).toContain(`https://placette.example/orders/${first.body.id}`);
    expect(mail.parsed.text).toContain('2 × ');

    // The same key again, five times at once (a client retrying on a bad network): same order, no second email.
    const replays = await Promise.all(Array.from({ length: 5 }, () => checkoutOverHttp(app.origin, shop.cookies[0], 'mail-1', shop, 2)));
    expect(replays.map((r) => [r.status, r.body.id])).toEqual(Array(5).fill([200, first.body.id]));
    // Another order by another customer: its own email.
    const second = await checkoutOverHttp(app.origin, shop.cookies[1], 'mail-2', shop, 1);
    expect(second.status).toBe(201);
    await sink.waitFor(2);
    await settle(800);
    expect(sink.mails.map((m) => m.envelopeTo[0])).toEqual(['client0@example.org', 'client1@example.org']);

    const database = openDatabase(file);
    try {
      expect(database.$client.prepare('SELECT count(*) FROM orders WHERE email_sent_at IS NOT NULL').pluck().get()).toBe(2);
    } finally {
      database.$client.close();
    }
    await app.kill('SIGTERM');
  }, 60_000);

  it('SMTP down: the checkout answers 201 and the failure is logged without personal data', async () => {
    const file = join(dir, 'down.db');
    const shop = prepareDatabase(file, { customers: 1, bread: 10, capacity: 100 });
    const app = await startApp(file, { PLACETTE_SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, ORIGIN: 'https://placette.example' });
    const before = sink.mails.length;
    const answer = await checkoutOverHttp(app.origin, shop.cookies[0], 'down-1', shop, 1);
    expect(answer.status).toBe(201);
    const deadline = Date.now() + 10_000;
    while (!app.stderr().includes('order confirmation email not sent') && Date.now() < deadline) await settle(100);
    const log = app.stderr();
    expect(log).toMatch(/order confirmation email not sent: [A-Z_]+/);
    for (const personal of ['client0@example.org', answer.body.id!]) expect(log).not.toContain(personal);
    expect(sink.mails.length).toBe(before);
    await app.kill('SIGTERM');
  }, 60_000);
});
