import nodemailer from 'nodemailer';

/**
 * Outgoing email, only when the operator configures an SMTP server (see README, "Email"):
 * `PLACETTE_SMTP_URL=smtp://user:pass@host:587` (or `smtps://…:465`) and `PLACETTE_MAIL_FROM`.
 * Without it nothing is ever sent and nothing else changes. The site sends one kind of email:
 * the confirmation of an order (mail/order-confirmation.ts).
 */
export interface MailConfig {
  url: string;
  from: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const url = env.PLACETTE_SMTP_URL?.trim();
  if (!url) return null;
  let host = 'localhost';
  try {
    if (env.ORIGIN) host = new URL(env.ORIGIN).hostname;
  } catch {
    // A malformed ORIGIN is adapter-node's to report.
  }
  return { url, from: env.PLACETTE_MAIL_FROM?.trim() || `Placette <no-reply@${host}>` };
}

/** SMTP with nodemailer: one connection per message (a handful a minute at most), short timeouts. */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // No tracking of any kind: no list headers, no read receipts, nothing remote in the HTML.
        disableUrlAccess: true,
        disableFileAccess: true
      });
    }
  };
}

let mailer: Mailer | null = null;

/** Installs (or removes, with null) the mailer; the app does it at start from its configuration. */
export function setMailer(next: Mailer | null): void {
  mailer = next;
}

export function currentMailer(): Mailer | null {
  return mailer;
}

/** At start: the SMTP server the environment configures, if any. */
export function configureMail(env: NodeJS.ProcessEnv = process.env): void {
  const config = mailConfigFromEnv(env);
  setMailer(config ? smtpMailer(config) : null);
}

/**
 * What may be logged about a failed send: nodemailer's error code and the SMTP reply code,
 * never its message (it can quote the recipient's address).
 */
export function mailErrorSummary(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof e?.code === 'string' && /^[A-Z_]{2,32}$/.test(e.code) ? e.code : 'unknown';
  return typeof e?.responseCode === 'number' ? `${code} (SMTP ${e.responseCode})` : code;
}
