import type { PaymentProvider } from './provider';

/** "Payer au retrait": each shop is paid at its counter when the customer collects. Nothing to call. */
export const payAtPickup: PaymentProvider = {
  id: 'pay-at-pickup',
  method: 'pickup',
  initialStatus: 'due_at_pickup'
};
