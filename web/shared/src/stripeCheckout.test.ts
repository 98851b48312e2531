import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Payment } from './api/client';
import {
  CARD_FORM_UNAVAILABLE,
  UNEXPECTED_STRIPE_ERROR,
  followPayment,
  mountCardForm,
  stripeErrorMessage,
} from './stripeCheckout';

const stripeJs = vi.hoisted(() => ({ loadStripe: vi.fn() }));
vi.mock('@stripe/stripe-js', () => stripeJs);

/** A stand-in for Stripe.js that records what the checkout asks of it. */
function standIn(confirmations: unknown[] = [{ paymentIntent: { id: 'pi_1', status: 'succeeded' } }]) {
  const element = { mount: vi.fn(), destroy: vi.fn() };
  const elements = { create: vi.fn(() => element) };
  const stripe = {
    elements: vi.fn(() => elements),
    confirmPayment: vi.fn(async () => confirmations.shift()),
  };
  return { stripe, elements, element };
}

const container = {} as HTMLElement;

beforeEach(() => stripeJs.loadStripe.mockReset());

describe('the card form', () => {
  it('loads Stripe.js with the publishable key and mounts the Payment Element for the client secret', async () => {
    const { stripe, elements, element } = standIn();
    stripeJs.loadStripe.mockResolvedValue(stripe);

    const form = await mountCardForm({
      publishableKey: 'pk_test_1',
      clientSecret: 'pi_1_secret_2',
      container,
    });

    expect(stripeJs.loadStripe).toHaveBeenCalledWith('pk_test_1');
    expect(stripe.elements).toHaveBeenCalledWith({ clientSecret: 'pi_1_secret_2' });
    expect(elements.create).toHaveBeenCalledWith('payment');
    expect(element.mount).toHaveBeenCalledWith(container);
    form.destroy();
    expect(element.destroy).toHaveBeenCalled();
  });

  it('confirms with those elements, coming back to the given address only where a redirect is needed', async () => {
    const { stripe, elements } = standIn();
    stripeJs.loadStripe.mockResolvedValue(stripe);
    const form = await mountCardForm({ publishableKey: 'pk_test_1', clientSecret: 's', container });

    expect(await form.confirm('http://localhost:8080/react/checkout/o-1')).toEqual({ kind: 'confirmed' });
    expect(stripe.confirmPayment).toHaveBeenCalledWith({
      elements,
      confirmParams: { return_url: 'http://localhost:8080/react/checkout/o-1' },
      redirect: 'if_required',
    });
  });

  it('gives a card’s error as Stripe’s sentence, and others as a general one', async () => {
    const { stripe } = standIn([
      { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } },
    ]);
    stripeJs.loadStripe.mockResolvedValue(stripe);
    const form = await mountCardForm({ publishableKey: 'pk_test_1', clientSecret: 's', container });

    expect(await form.confirm('x')).toEqual({ kind: 'error', message: 'Your card was declined.' });
    stripe.confirmPayment.mockRejectedValueOnce(new Error('boom'));
    expect(await form.confirm('x')).toEqual({ kind: 'error', message: UNEXPECTED_STRIPE_ERROR });
    expect(stripeErrorMessage({ type: 'validation_error', message: 'Your card number is incomplete.' })).toBe(
      'Your card number is incomplete.',
    );
    expect(stripeErrorMessage({ type: 'api_connection_error', message: 'Failed to fetch' })).toBe(
      UNEXPECTED_STRIPE_ERROR,
    );
    expect(stripeErrorMessage({ type: 'card_error' })).toBe(UNEXPECTED_STRIPE_ERROR);
  });

  it('says so when Stripe.js cannot be loaded', async () => {
    stripeJs.loadStripe.mockResolvedValueOnce(null);
    await expect(
      mountCardForm({ publishableKey: 'pk_test_1', clientSecret: 's', container }),
    ).rejects.toThrow(CARD_FORM_UNAVAILABLE);
    stripeJs.loadStripe.mockRejectedValueOnce(new Error('Failed to load Stripe.js'));
    await expect(
      mountCardForm({ publishableKey: 'pk_test_1', clientSecret: 's', container }),
    ).rejects.toThrow(CARD_FORM_UNAVAILABLE);
  });
});

describe('following a payment Stripe took', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const payment = (status: Payment['status']) => ({ id: 'p-1', status }) as Payment;

  it('reads it at once and every interval until it is settled, then stops', async () => {
    const answers = [payment('PENDING'), payment('PENDING'), payment('SUCCEEDED')];
    const read = vi.fn(async () => answers.shift() ?? payment('SUCCEEDED'));
    const settled = vi.fn();

    followPayment(read, settled, 2_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);

    expect(settled).toHaveBeenCalledExactlyOnceWith(payment('SUCCEEDED'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('reads again at once when told, and goes on after a failed read', async () => {
    const read = vi
      .fn<() => Promise<Payment>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(payment('PENDING'))
      .mockResolvedValue(payment('FAILED'));
    const settled = vi.fn();

    const following = followPayment(read, settled, 60_000);
    await vi.advanceTimersByTimeAsync(0);
    following.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).not.toHaveBeenCalled();
    following.refresh();
    await vi.advanceTimersByTimeAsync(0);

    expect(settled).toHaveBeenCalledExactlyOnceWith(payment('FAILED'));
  });

  it('stops when told', async () => {
    const read = vi.fn(async () => payment('PENDING'));
    const following = followPayment(read, vi.fn(), 1_000);
    await vi.advanceTimersByTimeAsync(0);
    following.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
