import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { orderParts, orders, shops, users } from '../db/schema';
import { partViews, type OrderPartView } from '../orders/view';
import { currentMailer, mailErrorSummary, type Mailer, type OutgoingMail } from './index';
import * as m from '$lib/paraglide/messages';
import { formatPrice, formatTime, parisDateTime, type Locale } from '$lib/format';
import { parisClock } from '$lib/catalog/hours';

/**
 * The order confirmation: the one email the site ever sends about an order, and only when SMTP
 * is configured. Sent once the order is committed — at checkout for « Payer au retrait », when
 * the provider confirms the payment for online orders — in the customer's language, after the
 * answer (never delaying or failing the checkout). What happens next (accepted, ready, refused)
 * shows on the order page and in push notifications, never by email.
 *
 * Once: the order row is claimed (`email_sent_at`, a conditional UPDATE) before the message is
 * handed to the SMTP server, so a replayed checkout, a repeated payment notification or another
 * server process finds it taken. A send that fails is logged (error code only) and not retried:
 * at most one email, and the order page has everything anyway.
 */

/** The language of the email from the checkout's `Accept-Language` (the app sends its own): English or French (default). */
export function emailLocale(acceptLanguage: string | null | undefined): Locale {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'fr';
}

/** An online order is confirmed later (by the payment): its email's language is kept until then. */
export function rememberEmailLocale(database: Db, orderId: string, locale: Locale): void {
  database.update(orders).set({ locale }).where(and(eq(orders.id, orderId), isNull(orders.locale))).run();
}

interface ConfirmationData {
  id: string;
  totalCents: number;
  paidOnline: boolean;
  parts: (OrderPartView & { shopAddress: string })[];
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pickupText(part: OrderPartView, locale: Locale): string {
  const start = new Date(part.slot!);
  const day = parisDateTime(start, locale, { weekday: 'long', day: 'numeric', month: 'long' });
  return m.email_order_pickup({ day, start: formatTime(parisClock(start), locale), end: formatTime(parisClock(new Date(part.slot_end ?? part.slot!)), locale) }, { locale });
}

function deliveryAddress(part: OrderPartView): string {
  const a = part.delivery?.address;
  return a ? [a.name, a.line, `${a.postcode} ${a.city}`].filter(Boolean).join(', ') : '';
}

/** Subject, plain text and a simple HTML version (no image, no remote anything, one link). */
export function composeConfirmation(order: ConfirmationData, locale: Locale, origin: string, to: string): OutgoingMail {
  const number = order.id.toUpperCase();
  const link = `${origin.replace(/\/$/, '')}/orders/${order.id}`;
  const price = (cents: number) => formatPrice(cents, locale);
  const paid = order.paidOnline ? m.email_order_paid_online({}, { locale }) : m.email_order_pay_at_pickup({}, { locale });
  const label = (text: string) => (locale === 'fr' ? `${text}\u00a0:` : `${text}:`);
  const total = `${label(m.email_order_total({}, { locale }))} ${price(order.totalCents)} (${paid})`;

  const text: string[] = [m.email_order_greeting({}, { locale }), '', m.email_order_intro({ number }, { locale }), ''];
  const html: string[] = [
    `<p>${escape(m.email_order_greeting({}, { locale }))}</p>`,
    `<p>${escape(m.email_order_intro({ number }, { locale }))}</p>`
  ];
  for (const part of order.parts) {
    const facts: string[] = [];
    if (part.fulfilment === 'pickup' && part.slot) {
      facts.push(pickupText(part, locale));
      facts.push(m.email_order_address({ address: part.shopAddress }, { locale }));
    } else {
      facts.push(m.email_order_delivery_to({ address: deliveryAddress(part) }, { locale }));
    }
    const code = part.pickupCode ? m.email_order_code({ code: part.pickupCode }, { locale }) : null;
    const lines = part.lines.map((l) => `${l.qty} × ${l.name} — ${price(l.unit_price_cents * l.qty)}`);
    if (part.delivery && part.delivery.fee_cents > 0) lines.push(`${m.email_order_delivery_fee({}, { locale })} — ${price(part.delivery.fee_cents)}`);
    const subtotal = `${label(m.email_order_subtotal({}, { locale }))} ${price(part.subtotal_cents + (part.delivery?.fee_cents ?? 0))}`;

    text.push(`■ ${part.shop_name}`, ...[...facts, ...(code ? [code] : [])].map((f) => `  ${f}`), ...lines.map((l) => `  ${l}`), `  ${subtotal}`, '');
    html.push(
      `<h2 style="font-size:1.1em;margin:1.2em 0 0.3em">${escape(part.shop_name)}</h2>`,
      `<p style="margin:0">${[...facts.map(escape), ...(code ? [`<strong>${escape(code)}</strong>`] : [])].join('<br>')}</p>`,
      `<ul style="margin:0.4em 0;padding-left:1.2em">${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`,
      `<p style="margin:0">${escape(subtotal)}</p>`
    );
  }
  text.push(total, '', m.email_order_follow({}, { locale }), link, '', m.email_order_only_one({}, { locale }));
  html.push(
    `<p style="margin-top:1.2em"><strong>${escape(total)}</strong></p>`,
    `<p>${escape(m.email_order_follow({}, { locale }))}<br><a href="${escape(link)}">${escape(link)}</a></p>`,
    `<p style="color:#555">${escape(m.email_order_only_one({}, { locale }))}</p>`
  );
  return {
    to,
    subject: m.email_order_subject({ number }, { locale }),
    text: `${text.join('\n')}\n`,
    html: `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escape(m.email_order_number({ number }, { locale }))}</title></head><body style="font-family:sans-serif;line-height:1.45;color:#222;max-width:36em">${html.join('\n')}</body></html>\n`
  };
}

/**
 * Sends the confirmation of `orderId` if a mailer is configured, the order is confirmed (to pay
 * at pickup, or paid online), has a customer, and no email was sent for it yet. Never throws;
 * resolves to whether an email was handed to the SMTP server.
 */
export async function sendOrderConfirmation(
  database: Db,
  orderId: string,
  options: { origin: string; locale?: Locale; mailer?: Mailer | null; now?: Date }
): Promise<boolean> {
  const mailer = options.mailer === undefined ? currentMailer() : options.mailer;
  if (!mailer) return false;
  let claimed = false;
  try {
    const order = database
      .select({ id: orders.id, total: orders.totalCents, method: orders.paymentMethod, locale: orders.locale, email: users.email })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .where(and(eq(orders.id, orderId), isNull(orders.emailSentAt), inArray(orders.paymentStatus, ['due_at_pickup', 'paid']), isNotNull(orders.userId)))
      .get();
    if (!order) return false;
    const addresses = new Map(
      database
        .select({ partId: orderParts.id, address: shops.address })
        .from(orderParts)
        .innerJoin(shops, eq(shops.id, orderParts.shopId))
        .where(eq(orderParts.orderId, orderId))
        .all()
        .map((r) => [r.partId, r.address])
    );
    const parts = partViews(database, { orderIds: [orderId] }).map(({ orderId: _o, partId, ...part }) => ({ ...part, shopAddress: addresses.get(partId) ?? '' }));
    const locale: Locale = options.locale ?? (order.locale === 'en' ? 'en' : 'fr');
    const mail = composeConfirmation({ id: order.id, totalCents: order.total, paidOnline: order.method === 'online', parts }, locale, options.origin, order.email);
    // The claim: whoever sets it sends; everyone else (replays, repeated notifications, other processes) finds it set.
    claimed =
      database
        .update(orders)
        .set({ emailSentAt: (options.now ?? new Date()).toISOString() })
        .where(and(eq(orders.id, orderId), isNull(orders.emailSentAt)))
        .run().changes === 1;
    if (!claimed) return false;
    await mailer.send(mail);
    return true;
  } catch (error) {
    // No address, no name, no order content: the error code only.
    console.error(`[placette] order confirmation email not sent: ${mailErrorSummary(error)}`);
    return false;
  }
}
