package io.airtix.platform.problem;

/** One entry of a validation problem's {@code errors[]}. */
public record FieldError(String field, String message) {}
