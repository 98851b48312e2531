package io.airtix.platform.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Stable problem {@code type} URIs. Clients branch on these (and on {@code code}), never on the
 * human-readable title or detail, so a published type is never renamed.
 */
public final class ProblemTypes {

  public static final String BASE = "https://airtix.io/problems/";

  public static final URI VALIDATION = of("validation");
  public static final URI MALFORMED_REQUEST = of("malformed-request");
  public static final URI BAD_REQUEST = of("bad-request");
  public static final URI UNAUTHORIZED = of("unauthorized");
  public static final URI FORBIDDEN = of("forbidden");
  public static final URI NOT_FOUND = of("not-found");
  public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
  public static final URI NOT_ACCEPTABLE = of("not-acceptable");
  public static final URI CONFLICT = of("conflict");
  public static final URI STALE_VERSION = of("stale-version");
  public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
  public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
  public static final URI LOCKED = of("locked");
  public static final URI RATE_LIMITED = of("rate-limited");
  public static final URI INTERNAL = of("internal");
  public static final URI UNAVAILABLE = of("unavailable");

  private ProblemTypes() {}

  public static URI of(String slug) {
    return URI.create(BASE + slug);
  }

  /** The type used when an error carries none of its own. */
  public static URI forStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 423 -> LOCKED;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> status.is5xxServerError() ? INTERNAL : of(slug(status));
    };
  }

  /** The machine code that goes with a type: its last path segment, upper case. */
  public static String codeOf(URI type) {
    String path = type.getPath();
    return path.substring(path.lastIndexOf('/') + 1).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static String slug(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null
        ? "http-" + status.value()
        : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
