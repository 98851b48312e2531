package io.airtix.platform.sqlite;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Keeps money amounts at two decimals across databases: SQLite stores a NUMERIC as a number and
 * hands back 129.9 for a stored 129.90, PostgreSQL keeps the scale. Put it on an amount column with
 * {@code @Convert(converter = TwoDecimalAmount.class)}.
 */
@Converter
public class TwoDecimalAmount implements AttributeConverter<BigDecimal, BigDecimal> {

  @Override
  public BigDecimal convertToDatabaseColumn(BigDecimal amount) {
    return twoDecimals(amount);
  }

  @Override
  public BigDecimal convertToEntityAttribute(BigDecimal stored) {
    return twoDecimals(stored);
  }

  private static BigDecimal twoDecimals(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
  }
}
