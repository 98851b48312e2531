package io.airtix.platform.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success status of an operation that returns a {@code ResponseEntity} whose status the code
 * chooses, e.g. {@code @Answers(status = 201, description = "The ticket, and its address in
 * Location")}: the description cannot read it from the method. One per status an operation may
 * succeed with. Operations with a fixed status say so with {@code @ResponseStatus}, which the
 * description reads by itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Answers.List.class)
public @interface Answers {

  int status();

  String description();

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    Answers[] value();
  }
}
