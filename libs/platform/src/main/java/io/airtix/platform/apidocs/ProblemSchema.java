package io.airtix.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;

/**
 * The shape of every error of Airtix (RFC 9457 with the members {@code Problems} adds), as the
 * components {@code Problem} and {@code FieldError}.
 */
final class ProblemSchema {

  static final String MEDIA_TYPE = "application/problem+json";
  private static final String PROBLEM = "Problem";
  private static final String FIELD_ERROR = "FieldError";

  private ProblemSchema() {}

  static ApiResponse response(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    MEDIA_TYPE,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  static void addTo(Components components) {
    components.addSchemas(
        FIELD_ERROR,
        new ObjectSchema()
            .description("What is wrong with one field or parameter.")
            .addProperty("field", new StringSchema().example("price"))
            .addProperty("message", new StringSchema().example("must be greater than 0"))
            .required(List.of("field", "message")));
    components.addSchemas(
        PROBLEM,
        new ObjectSchema()
            .description("An error, as RFC 9457 problem details.")
            .addProperty(
                "type",
                new StringSchema().format("uri").example("https://airtix.io/problems/validation"))
            .addProperty("title", new StringSchema().example("Validation failed"))
            .addProperty("status", new IntegerSchema().example(400))
            .addProperty("detail", new StringSchema().example("The request has invalid fields."))
            .addProperty(
                "instance",
                new StringSchema().description("The path that was asked for.").example("/api/x"))
            .addProperty(
                "code",
                new StringSchema()
                    .description("A stable code for programs, e.g. VALIDATION, TICKET_RESERVED.")
                    .example("VALIDATION"))
            .addProperty(
                "traceId",
                new StringSchema().description("Names the request in the services' logs."))
            .addProperty(
                "errors",
                new ArraySchema()
                    .description("For validation problems: each invalid field or parameter.")
                    .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR)))
            .required(List.of("type", "title", "status", "detail", "code")));
  }
}
