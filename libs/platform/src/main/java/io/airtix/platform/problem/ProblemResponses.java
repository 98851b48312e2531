package io.airtix.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem. Spring's base class
 * already maps the framework's own exceptions (405, 415, 406, ...) to {@link ProblemDetail}; this
 * class adds field errors for validation and the Airtix members for all of them.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        Problems.validation("The request has invalid fields.", fieldErrors(ex.getBindingResult())),
        headers,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result -> {
              String name = result.getMethodParameter().getParameterName();
              result
                  .getResolvableErrors()
                  .forEach(
                      error -> {
                        if (error instanceof org.springframework.validation.FieldError fieldError) {
                          errors.add(new FieldError(fieldError.getField(), message(fieldError)));
                        } else {
                          errors.add(new FieldError(name, message(error)));
                        }
                      });
            });
    return problem(
        Problems.validation("The request has invalid parameters.", errors), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
    if (tooLarge != null) {
      return problem(BodyLimitFilter.tooLarge(tooLarge.limit()), headers, request);
    }
    // A well-formed body with a value of the wrong type (an unknown enum constant, a word where a
    // number belongs) is a field error the client can fix; anything else is unreadable JSON.
    if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      String field = path(databind);
      return problem(
          Problems.validation(
              "The request has invalid fields.",
              List.of(new FieldError(field, "has an invalid value or format"))),
          headers,
          request);
    }
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.MALFORMED_REQUEST,
            "Malformed request",
            "The request body is missing or is not valid JSON.");
    return problem(problem, headers, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> onTypeMismatch(
      MethodArgumentTypeMismatchException ex, WebRequest request) {
    return problem(
        Problems.validation(
            "The request has invalid parameters.",
            List.of(new FieldError(ex.getName(), "has an invalid value or format"))),
        new HttpHeaders(),
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> onUnexpected(Exception ex, WebRequest request) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            ProblemTypes.INTERNAL,
            "Internal error",
            "The request could not be completed. Quote the traceId when reporting this.");
    ResponseEntity<Object> response = problem(problem, new HttpHeaders(), request);
    log.error("Unexpected error, traceId {}", problem.getProperties().get("traceId"), ex);
    return response;
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ProblemDetail problem;
    if (body instanceof ProblemDetail detail) {
      problem = detail;
    } else if (ex instanceof ErrorResponse errorResponse) {
      problem = errorResponse.getBody();
    } else {
      problem = ProblemDetail.forStatus(statusCode);
    }
    return problem(problem, headers, request);
  }

  private ResponseEntity<Object> problem(
      ProblemDetail problem, HttpHeaders headers, WebRequest request) {
    HttpServletRequest servletRequest =
        request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
    Problems.complete(problem, servletRequest);
    HttpHeaders responseHeaders = new HttpHeaders();
    if (headers != null) {
      responseHeaders.putAll(headers);
    }
    responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(problem.getStatus()).headers(responseHeaders).body(problem);
  }

  private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  static List<FieldError> fieldErrors(BindingResult result) {
    List<FieldError> errors = new ArrayList<>();
    for (org.springframework.validation.FieldError error : result.getFieldErrors()) {
      errors.add(new FieldError(error.getField(), message(error)));
    }
    for (ObjectError error : result.getGlobalErrors()) {
      errors.add(new FieldError(error.getObjectName(), message(error)));
    }
    return errors;
  }

  private static String message(MessageSourceResolvable error) {
    if (error instanceof org.springframework.validation.FieldError fieldError
        && fieldError.isBindingFailure()) {
      return "has an invalid value or format";
    }
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String path(DatabindException ex) {
    StringBuilder field = new StringBuilder();
    ex.getPath()
        .forEach(
            reference -> {
              if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
              } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
              }
            });
    return field.toString();
  }
}
