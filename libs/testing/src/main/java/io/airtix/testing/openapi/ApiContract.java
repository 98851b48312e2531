package io.airtix.testing.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.airtix.testing.http.ServiceHttp.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running service's OpenAPI description, held to what the service answers: every exchange a test
 * shows it must be one the description allows (the operation, its status, media type and body
 * shape; for valid calls the request too), and every operation it describes must have been called.
 */
public final class ApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String document;
  private final JsonNode parsed;
  private final OpenApiInteractionValidator validator;
  private final List<Operation> operations;
  private final Set<Operation> called = new LinkedHashSet<>();

  private ApiContract(String document) {
    this.document = document;
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    this.parsed = JSON.readTree(document);
    this.operations = operations(parsed);
  }

  /** The description a service serves, e.g. {@code http://localhost:9081/v3/api-docs}. */
  public static ApiContract of(URI description) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(description).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "No API description at " + description + ": " + response.statusCode());
      }
      return new ApiContract(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("No API description at " + description, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public String document() {
    return document;
  }

  /** The schema itself where {@code schema} is a reference into the description's components. */
  public JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    return ref.isEmpty() ? schema : parsed.at(ref.substring(1));
  }

  public List<Operation> operations() {
    return operations;
  }

  /**
   * The operation a request reaches, if the description has it: as in Spring, a literal segment
   * wins over a template ({@code /staff/invitations} over {@code /staff/{userId}}).
   */
  public Optional<Operation> operationOf(String method, String path) {
    String withoutQuery = withoutQuery(path);
    return operations.stream()
        .filter(operation -> operation.matches(method, withoutQuery))
        .min(Comparator.comparingLong(Operation::templates));
  }

  /**
   * A call a client makes as the description says: the request must be one it describes, the answer
   * one it lists.
   */
  public void checkValid(String method, String path, String token, String body, Reply reply) {
    Operation operation = requireOperation(method, path);
    called.add(operation);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, withoutQuery(path));
    if (token != null) {
      request.withHeader("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.withContentType("application/json").withBody(body);
    }
    queryParameters(path).forEach(parameter -> request.withQueryParam(parameter[0], parameter[1]));
    ValidationReport report = validator.validate(request.build(), response(reply));
    failOn(report, method + " " + path, reply);
  }

  /** Any answer, e.g. to bad input: it must be one the description lists for the operation. */
  public void checkAnswer(String method, String path, Reply reply) {
    requireOperation(method, path);
    ValidationReport report =
        validator.validateResponse(
            withoutQuery(path),
            Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
            response(reply));
    failOn(report, method + " " + path, reply);
  }

  /** Fails naming each described operation no test called. */
  public void assertEveryOperationCalled() {
    assertEveryOperationCalledExcept();
  }

  /**
   * The same, leaving out operations that cannot succeed in this configuration and are proven in
   * another, e.g. {@code "POST /api/payments/stripe/webhook"}.
   */
  public void assertEveryOperationCalledExcept(String... provenElsewhere) {
    List<Operation> missing = new ArrayList<>(operations);
    missing.removeAll(called);
    missing.removeIf(operation -> List.of(provenElsewhere).contains(operation.toString()));
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "Operations of the description that no test called: "
              + missing.stream().map(Operation::toString).collect(Collectors.joining(", ")));
    }
  }

  private Operation requireOperation(String method, String path) {
    return operationOf(method, path)
        .orElseThrow(
            () -> new AssertionError(method + " " + path + " is not in the API description"));
  }

  private static SimpleResponse response(Reply reply) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
    String contentType = reply.header("Content-Type");
    if (!contentType.isEmpty()) {
      response.withContentType(contentType);
    }
    String body = reply.response().body();
    if (!body.isEmpty()) {
      response.withBody(body);
    }
    return response.build();
  }

  private static void failOn(ValidationReport report, String exchange, Reply reply) {
    if (report.hasErrors()) {
      throw new AssertionError(
          exchange
              + " answered "
              + reply
              + " which the API description does not allow:\n  "
              + report.getMessages().stream()
                  .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                  .map(ValidationReport.Message::getMessage)
                  .collect(Collectors.joining("\n  ")));
    }
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static List<String[]> queryParameters(String path) {
    int query = path.indexOf('?');
    List<String[]> parameters = new ArrayList<>();
    if (query < 0) {
      return parameters;
    }
    for (String pair : path.substring(query + 1).split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.add(
          new String[] {
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8)
          });
    }
    return parameters;
  }

  private static List<Operation> operations(JsonNode document) {
    List<Operation> operations = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          if (Operation.METHODS.contains(method.getKey())) {
                            operations.add(
                                new Operation(
                                    method.getKey().toUpperCase(Locale.ROOT),
                                    path.getKey(),
                                    method.getValue()));
                          }
                        }));
    return List.copyOf(operations);
  }

  /** One operation of the description: a method on a path template, and what it says of it. */
  public record Operation(String method, String path, JsonNode description) {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    boolean matches(String requestMethod, String requestPath) {
      return method.equalsIgnoreCase(requestMethod) && template().matcher(requestPath).matches();
    }

    private Pattern template() {
      StringBuilder regex = new StringBuilder();
      for (String part : path.split("(?=\\{)|(?<=\\})")) {
        regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
      }
      return Pattern.compile(regex.toString());
    }

    long templates() {
      return path.chars().filter(c -> c == '{').count();
    }

    /** Whether the description gives it a request body. */
    public boolean hasBody() {
      return description.has("requestBody");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Operation operation
          && operation.method.equals(method)
          && operation.path.equals(path);
    }

    @Override
    public int hashCode() {
      return method.hashCode() * 31 + path.hashCode();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }
}
