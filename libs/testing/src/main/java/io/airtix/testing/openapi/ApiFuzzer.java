package io.airtix.testing.openapi;

import io.airtix.testing.http.ServiceHttp;
import io.airtix.testing.http.ServiceHttp.Reply;
import io.airtix.testing.openapi.ApiContract.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Sends bad input derived from an operation's description — bodies that are not JSON or not of the
 * described shape, fields of the wrong type or missing, 10 MB strings, odd Unicode, negative and
 * huge numbers, path and query tricks — and checks each answer: 400, 404, 413 or 415 (never a 5xx,
 * never 401/403/429 in place of the input check), as {@code application/problem+json} that gives
 * away nothing of the code, listed in the description, and with nothing written.
 */
public final class ApiFuzzer {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<Integer> REFUSALS = Set.of(400, 404, 413, 415);
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\bat [a-z]+\\.[a-z]|org\\.springframework|java\\.|jakarta\\.|hibernate"
              + "|SQL|sqlite|postgres|jdbc",
          Pattern.CASE_INSENSITIVE);
  private static final String TEN_MEGABYTES = "x".repeat(10 * 1024 * 1024);

  private final ApiContract contract;
  private final ServiceHttp http;
  private final Supplier<Map<String, Long>> rowCounts;
  private int sent;

  /**
   * @param rowCounts the rows of each table of the service's database: a bad request that changes
   *     one wrote something
   */
  public ApiFuzzer(ApiContract contract, ServiceHttp http, Supplier<Map<String, Long>> rowCounts) {
    this.contract = contract;
    this.http = http;
    this.rowCounts = rowCounts;
  }

  /**
   * Sends the valid call (it must succeed as described), then every bad input derived from it;
   * returns what went wrong, one line each, empty when all was refused as it should be.
   */
  public List<String> fuzz(ValidCall call) throws Exception {
    Reply valid =
        http.sendRaw(
            call.method(),
            call.path(),
            call.token(),
            call.body() == null ? null : "application/json",
            call.body(),
            call.headers());
    if (valid.status() / 100 != 2) {
      throw new AssertionError("The valid call " + call + " failed: " + valid);
    }
    contract.checkValid(call.method(), call.path(), call.token(), call.body(), valid);
    Operation operation =
        contract
            .operationOf(call.method(), call.path())
            .orElseThrow(() -> new AssertionError(call + " is not in the API description"));
    List<String> failures = new ArrayList<>();
    for (BadInput bad : badInputs(operation, call)) {
      sent++;
      Map<String, Long> before = rowCounts.get();
      Reply reply =
          http.sendRaw(
              bad.method(),
              bad.path(),
              call.token(),
              bad.contentType(),
              bad.body(),
              call.headers());
      String failure = judge(bad, reply);
      Map<String, Long> after = rowCounts.get();
      if (failure == null && !before.equals(after)) {
        failure = "wrote rows: " + before + " -> " + after;
      }
      if (failure != null) {
        failures.add(call + " with " + bad.what() + ": " + failure);
      }
    }
    return failures;
  }

  /** How many bad requests it sent so far: a test shows its fuzzing did not come to nothing. */
  public int badInputsSent() {
    return sent;
  }

  private String judge(BadInput bad, Reply reply) {
    String body = reply.response().body();
    String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
    if (!REFUSALS.contains(reply.status())) {
      return "answered " + reply.status() + " " + shown;
    }
    if (!reply.header("Content-Type").startsWith("application/problem+json")) {
      return "answered " + reply.status() + " as " + reply.header("Content-Type") + ": " + shown;
    }
    if (INTERNALS.matcher(body).find()) {
      return "gives away internals: " + shown;
    }
    try {
      contract.checkAnswer(bad.method(), bad.path(), reply);
    } catch (AssertionError undescribed) {
      return undescribed.getMessage();
    }
    return null;
  }

  private List<BadInput> badInputs(Operation operation, ValidCall call) {
    List<BadInput> bad = new ArrayList<>();
    pathTricks(operation, call, bad);
    queryTricks(operation, call, bad);
    if (operation.hasBody() && call.body() != null) {
      bodyTricks(operation, call, bad);
    }
    return bad;
  }

  private void pathTricks(Operation operation, ValidCall call, List<BadInput> bad) {
    String[] template = operation.path().split("/");
    String[] actual = withoutQuery(call.path()).split("/");
    for (int i = 0; i < template.length && i < actual.length; i++) {
      if (!template[i].startsWith("{")) {
        continue;
      }
      String name = template[i];
      Map<String, String> tricks = new LinkedHashMap<>();
      tricks.put("a word for " + name, "not-an-id");
      tricks.put("a NUL for " + name, "%00");
      tricks.put("an encoded ../ for " + name, "..%2F..%2Factuator%2Fenv");
      tricks.put("percent-encoding that is no UTF-8 for " + name, "%E0%A4");
      tricks.put("an emoji for " + name, "%F0%9F%98%80");
      tricks.put("500 letters for " + name, "a".repeat(500));
      for (Map.Entry<String, String> trick : tricks.entrySet()) {
        String[] changed = actual.clone();
        changed[i] = trick.getValue();
        bad.add(
            new BadInput(
                trick.getKey(),
                call.method(),
                String.join("/", changed) + query(call.path()),
                call.body() == null ? null : "application/json",
                call.body()));
      }
    }
  }

  private void queryTricks(Operation operation, ValidCall call, List<BadInput> bad) {
    for (JsonNode parameter : operation.description().path("parameters")) {
      if (!"query".equals(parameter.path("in").asString())) {
        continue;
      }
      String name = parameter.path("name").asString();
      JsonNode schema = contract.resolve(parameter.path("schema"));
      List<String> values = new ArrayList<>(List.of("%00", "%1B%5B31m"));
      String type = schema.path("type").asString();
      if (type.equals("integer") || type.equals("number")) {
        values.addAll(List.of("abc", "-1", "99999999999999999999", "1e400"));
      }
      if (schema.has("enum")) {
        values.add("NOT_ONE_OF_THEM");
      }
      if ("date-time".equals(schema.path("format").asString())) {
        values.add("2026-13-45T25:61:00Z");
      }
      for (String value : values) {
        bad.add(
            new BadInput(
                "query " + name + "=" + value,
                call.method(),
                withQueryParameter(call.path(), name, value),
                null,
                null));
      }
    }
  }

  private void bodyTricks(Operation operation, ValidCall call, List<BadInput> bad) {
    String method = call.method();
    String path = call.path();
    bad.add(new BadInput("a body that is not JSON", method, path, "application/json", "{\"a\":"));
    bad.add(new BadInput("a JSON array for a body", method, path, "application/json", "[]"));
    bad.add(new BadInput("a JSON string for a body", method, path, "application/json", "\"x\""));
    bad.add(new BadInput("no body", method, path, "application/json", null));
    bad.add(new BadInput("a text body", method, path, "text/plain", "hello"));
    bad.add(new BadInput("no content type", method, path, null, call.body()));
    JsonNode schema =
        contract.resolve(
            operation
                .description()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema"));
    ObjectNode valid = (ObjectNode) JSON.readTree(call.body());
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asString()));
    boolean tooLargeSent = false;
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String name = property.getKey();
      JsonNode fieldSchema = contract.resolve(property.getValue());
      String type = fieldSchema.path("type").asString();
      List<String[]> values = new ArrayList<>();
      if (required.contains(name)) {
        bad.add(new BadInput("no " + name, method, path, "application/json", without(valid, name)));
        values.add(new String[] {"null", "null"});
      }
      values.add(new String[] {"an object", "{}"});
      values.add(new String[] {"an array", "[1]"});
      switch (type) {
        case "string" -> {
          values.add(new String[] {"a number", "12345"});
          values.add(new String[] {"true", "true"});
          values.add(new String[] {"a NUL", "\"a\\u0000b\""});
          values.add(new String[] {"an escape sequence", "\"\\u001b[31mred\""});
          values.add(new String[] {"a lone surrogate", "\"\\ud800\""});
          if (fieldSchema.has("enum")) {
            values.add(new String[] {"no such value", "\"NOT_ONE_OF_THEM\""});
          }
          if ("date-time".equals(fieldSchema.path("format").asString())) {
            values.add(new String[] {"no time", "\"not a time\""});
            values.add(new String[] {"an impossible time", "\"2026-13-45T25:61:00Z\""});
          }
          if (!tooLargeSent) {
            tooLargeSent = true;
            values.add(new String[] {"a 10 MB string", "\"" + TEN_MEGABYTES + "\""});
          }
        }
        case "integer", "number" -> {
          values.add(new String[] {"a word", "\"abc\""});
          values.add(new String[] {"a negative number", "-1"});
          values.add(new String[] {"a huge number", "99999999999999999999999999"});
          values.add(new String[] {"a number beyond double", "1e400"});
          values.add(new String[] {"too many decimals", "1.000000000001"});
        }
        case "boolean" -> values.add(new String[] {"a word", "\"maybe\""});
        default -> {}
      }
      for (String[] value : values) {
        bad.add(
            new BadInput(
                value[0] + " for " + name,
                method,
                path,
                "application/json",
                with(valid, name, value[1])));
      }
    }
  }

  /** The body with one field's value replaced by raw JSON text. */
  private static String with(ObjectNode valid, String field, String rawJson) {
    ObjectNode changed = valid.deepCopy();
    changed.putRawValue(field, new RawValue(rawJson));
    return JSON.writeValueAsString(changed);
  }

  private static String without(ObjectNode valid, String field) {
    ObjectNode changed = valid.deepCopy();
    changed.remove(field);
    return JSON.writeValueAsString(changed);
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String query(String path) {
    int query = path.indexOf('?');
    return query < 0 ? "" : path.substring(query);
  }

  /** Sets {@code name} to the raw (already encoded) {@code value}, replacing any it had. */
  private static String withQueryParameter(String path, String name, String value) {
    String encodedName = URLEncoder.encode(name, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    String query = query(path);
    if (!query.isEmpty()) {
      for (String pair : query.substring(1).split("&")) {
        if (!pair.startsWith(encodedName + "=") && !pair.equals(encodedName)) {
          kept.add(pair);
        }
      }
    }
    kept.add(encodedName + "=" + value);
    return withoutQuery(path) + "?" + String.join("&", kept);
  }
}
