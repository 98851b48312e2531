package io.airtix.tickets.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A price range of the search that can match something: its bounds in order, and in a currency
 * named, since an amount alone compares nothing across currencies. Reported on {@code maxPrice} and
 * {@code currency}, the fields a client has to change.
 */
@Documented
@Constraint(validatedBy = PriceRange.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PriceRange {

  String message() default "must not be less than minPrice";

  String currencyMessage() default "is required with minPrice or maxPrice";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PriceRange, TicketSearch> {

    private String currencyMessage;

    @Override
    public void initialize(PriceRange annotation) {
      this.currencyMessage = annotation.currencyMessage();
    }

    @Override
    public boolean isValid(TicketSearch search, ConstraintValidatorContext context) {
      if (search == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (search.minPrice() != null
          && search.maxPrice() != null
          && search.minPrice().compareTo(search.maxPrice()) > 0) {
        context
            .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("maxPrice")
            .addConstraintViolation();
        valid = false;
      }
      if (search.hasPriceBound() && search.currency() == null) {
        context
            .buildConstraintViolationWithTemplate(currencyMessage)
            .addPropertyNode("currency")
            .addConstraintViolation();
        valid = false;
      }
      return valid;
    }
  }
}
