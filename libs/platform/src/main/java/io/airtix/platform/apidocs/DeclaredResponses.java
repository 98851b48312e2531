package io.airtix.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * What an operation's own annotations say it answers: its success status ({@link Answers}) in place
 * of the 200 guessed for a {@code ResponseEntity}, and its own problems ({@link ProblemResponse}).
 */
final class DeclaredResponses implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    ApiResponses responses = operation.getResponses();
    Answers[] successes = handler.getMethod().getAnnotationsByType(Answers.class);
    if (successes.length > 0) {
      ApiResponse guessed = responses.remove("200");
      for (Answers answers : successes) {
        ApiResponse success = new ApiResponse().description(answers.description());
        if (guessed != null && answers.status() != 204) {
          success.setContent(guessed.getContent());
        }
        responses.addApiResponse(String.valueOf(answers.status()), success);
      }
    }
    for (ProblemResponse problem :
        handler.getMethod().getAnnotationsByType(ProblemResponse.class)) {
      responses.addApiResponse(
          String.valueOf(problem.status()), ProblemSchema.response(problem.description()));
    }
    return operation;
  }
}
