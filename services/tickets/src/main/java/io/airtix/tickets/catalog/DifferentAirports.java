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
 * A flight does not land where it took off. Reported on {@code destination}, where clients show it.
 */
@Documented
@Constraint(validatedBy = DifferentAirports.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DifferentAirports {

  String message() default "must differ from origin";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<DifferentAirports, Route> {

    @Override
    public boolean isValid(Route route, ConstraintValidatorContext context) {
      if (route == null || route.origin() == null || !route.origin().equals(route.destination())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("destination")
          .addConstraintViolation();
      return false;
    }
  }
}
