package io.airtix.payments.provider;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether payments are simulated. {@code airtix.payments.provider} names the provider: {@code
 * stripe} or {@code simulated}. Left blank (the standalone default), Stripe takes the payments when
 * an API key is set and the simulated provider otherwise. The distributed profile names {@code
 * stripe}, so a deployment without Stripe's keys refuses to start unless simulated payments are
 * switched on by name. As a condition it keeps what only simulated payments need, such as their
 * confirmation endpoint, out of a service that takes real money.
 */
public final class SimulatedPayments implements Condition {

  static final String PROVIDER = "airtix.payments.provider";
  static final String STRIPE = "stripe";

  public static boolean chosen(Environment environment) {
    String provider = environment.getProperty(PROVIDER, "").strip().toLowerCase(Locale.ROOT);
    return switch (provider) {
      case SimulatedPaymentProvider.NAME -> true;
      case STRIPE -> false;
      case "" -> environment.getProperty("airtix.payments.stripe.api-key", "").isBlank();
      default ->
          throw new IllegalStateException(
              PROVIDER + " is '" + provider + "': name stripe or simulated, or leave it blank");
    };
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return chosen(context.getEnvironment());
  }
}
