/**
 * Card payments through Stripe's Payment Element, framework free (decision 0036): Stripe.js loaded with the
 * official loader, `@stripe/stripe-js`, imported on first use so that it stays out of the apps' first load;
 * the element mounted with the payment's `clientSecret`; the payment confirmed, redirecting only where the
 * person's payment method needs it; Stripe's errors as the sentences Stripe gives; then the payment followed
 * until the payments service has heard from Stripe (its webhook), since that, not the browser, settles it.
 */
import type { Stripe, StripeElements, StripeError, StripePaymentElement } from '@stripe/stripe-js';
import type { Payment } from './api/client';

/** What `confirm` ended with: Stripe took the payment (the payments service settles it), or a sentence. */
export type CardConfirmation = { kind: 'confirmed' } | { kind: 'error'; message: string };

/** The Payment Element in its place on the page. */
export interface CardForm {
  /** Confirms the payment with what the person entered; a redirecting method comes back to `returnUrl`. */
  confirm(returnUrl: string): Promise<CardConfirmation>;
  /** Takes the element off the page. */
  destroy(): void;
}

/** Stripe.js could not be loaded or set up: a sentence for the person. */
export class CardFormUnavailable extends Error {
  override readonly name = 'CardFormUnavailable';
}

export const CARD_FORM_UNAVAILABLE =
  'The card form could not be loaded. Check your connection and reload the page; your seat stays held until the countdown ends.';

export const UNEXPECTED_STRIPE_ERROR = 'Stripe could not take the payment just now. Please try again.';

/**
 * Loads Stripe.js with the publishable key, creates the Elements group for the payment's `clientSecret` and
 * mounts the Payment Element into `container`.
 */
export async function mountCardForm({
  publishableKey,
  clientSecret,
  container,
}: {
  publishableKey: string;
  clientSecret: string;
  container: HTMLElement;
}): Promise<CardForm> {
  let stripe: Stripe | null;
  try {
    const { loadStripe } = await import('@stripe/stripe-js');
    stripe = await loadStripe(publishableKey);
  } catch {
    throw new CardFormUnavailable(CARD_FORM_UNAVAILABLE);
  }
  if (!stripe) throw new CardFormUnavailable(CARD_FORM_UNAVAILABLE);
  const loaded: Stripe = stripe;
  const elements: StripeElements = loaded.elements({ clientSecret });
  const element: StripePaymentElement = elements.create('payment');
  element.mount(container);
  return {
    async confirm(returnUrl) {
      try {
        const result = await loaded.confirmPayment({
          elements,
          confirmParams: { return_url: returnUrl },
          redirect: 'if_required',
        });
        if (result.error) return { kind: 'error', message: stripeErrorMessage(result.error) };
        return { kind: 'confirmed' };
      } catch {
        return { kind: 'error', message: UNEXPECTED_STRIPE_ERROR };
      }
    },
    destroy() {
      element.destroy();
    },
  };
}

/**
 * The sentence for an error of Stripe's: a card's or a form's (declined, expired, incomplete number…) is
 * Stripe's own, written for the person and in their language; any other (network, API, rate limit) gets a
 * general one, as Stripe advises.
 */
export function stripeErrorMessage(error: Pick<StripeError, 'type' | 'message'>): string {
  if ((error.type === 'card_error' || error.type === 'validation_error') && error.message)
    return error.message;
  return UNEXPECTED_STRIPE_ERROR;
}

/** A payment whose outcome is known: the payments service has heard from Stripe. */
export function isSettled(payment: Payment): boolean {
  return payment.status !== 'PENDING';
}

/**
 * Follows a payment after Stripe took it until it is settled: reads it at once, then every `intervalMs`;
 * `refresh()` reads it again now (a live message said it changed). `onSettled` is called once.
 */
export function followPayment(
  read: () => Promise<Payment>,
  onSettled: (payment: Payment) => void,
  intervalMs = 2_000,
): { refresh(): void; stop(): void } {
  let stopped = false;
  let reading = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function check() {
    if (stopped || reading) return;
    reading = true;
    clearTimeout(timer);
    try {
      const payment = await read();
      if (!stopped && isSettled(payment)) {
        stopped = true;
        onSettled(payment);
        return;
      }
    } catch {
      // a failed read is tried again at the next turn
    } finally {
      reading = false;
    }
    if (!stopped) timer = setTimeout(() => void check(), intervalMs);
  }

  void check();
  return {
    refresh: () => void check(),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
