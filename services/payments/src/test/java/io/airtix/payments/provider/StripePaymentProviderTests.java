package io.airtix.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StripePaymentProviderTests {

  @Test
  void countsInTheCurrencysSmallestUnit() {
    assertThat(StripePaymentProvider.minorUnits(new BigDecimal("129.90"), "EUR")).isEqualTo(12990);
    assertThat(StripePaymentProvider.minorUnits(new BigDecimal("15000"), "JPY")).isEqualTo(15000);
    assertThat(StripePaymentProvider.minorUnits(new BigDecimal("1.234"), "BHD")).isEqualTo(1234);
  }
}
