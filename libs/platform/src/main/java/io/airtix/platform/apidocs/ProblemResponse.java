package io.airtix.platform.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an operation answers besides those every operation may (bad input, no or a refused
 * token, an unknown id, a body too large or of the wrong type): e.g. {@code @ProblemResponse(status
 * = 423, description = "The ticket is held by an order")}. Documented with the {@code Problem}
 * schema as {@code application/problem+json}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

  int status();

  /** When the operation answers it, in words for the API's users. */
  String description();

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    ProblemResponse[] value();
  }
}
