import * as m from '$lib/paraglide/messages';
import type { OrderPart, PartStatus } from '$lib/basket/orders';

/** "Envoyée", "Prête"…; a delivered part reads « Livrée » rather than « Retirée ». */
export function statusLabel(status: PartStatus, fulfilment: OrderPart['fulfilment'] = 'pickup'): string {
  switch (status) {
    case 'placed':
      return m.order_status_placed();
    case 'accepted':
      return m.order_status_accepted();
    case 'ready':
      return m.order_status_ready();
    case 'collected':
      return fulfilment === 'delivery' ? m.order_status_delivered() : m.order_status_collected();
    case 'refused':
      return m.order_status_refused();
    case 'cancelled':
      return m.order_status_cancelled();
    case 'expired':
      return m.order_status_expired();
  }
}

/** The sentence at the top of a part: what is happening now. */
export function statusHeadline(part: Pick<OrderPart, 'status' | 'fulfilment'>): string {
  switch (part.status) {
    case 'placed':
      return m.order_headline_placed();
    case 'accepted':
      return m.order_headline_accepted();
    case 'ready':
      return part.fulfilment === 'delivery' ? m.order_headline_ready_delivery() : m.order_headline_ready();
    case 'collected':
      return part.fulfilment === 'delivery' ? m.order_status_delivered() : m.order_headline_collected();
    case 'refused':
      return m.order_headline_refused();
    case 'cancelled':
      return m.order_headline_cancelled();
    case 'expired':
      return m.order_headline_expired();
  }
}

export function statusTone(status: PartStatus): 'success' | 'warning' | 'accent' | 'muted' {
  if (status === 'ready' || status === 'collected') return 'success';
  if (status === 'refused' || status === 'cancelled' || status === 'expired') return 'warning';
  if (status === 'accepted') return 'accent';
  return 'muted';
}
