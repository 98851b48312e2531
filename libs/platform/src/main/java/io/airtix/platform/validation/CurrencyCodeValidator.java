package io.airtix.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;
import java.util.regex.Pattern;

class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {

  private static final Pattern THREE_LETTERS = Pattern.compile("^[A-Z]{3}$");

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    if (!THREE_LETTERS.matcher(value).matches()) {
      return false;
    }
    try {
      Currency.getInstance(value);
      return true;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }
}
