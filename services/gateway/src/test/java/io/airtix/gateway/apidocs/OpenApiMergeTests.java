package io.airtix.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiMergeTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void keepsAnIdenticalComponentOnceAndRenamesADifferentOneWithItsReferences() {
    JsonNode merged =
        OpenApiMerge.merge(
            List.of(
                ServiceDescription.of(
                    "tickets",
                    describing(
                        "/api/tickets",
                        """
                        {"Problem":{"type":"object"},"Money":{"type":"string"}}""")),
                ServiceDescription.of(
                    "orders",
                    describing(
                        "/api/orders",
                        """
                        {"Problem":{"type":"object","required":["status"]},"Money":{"type":"string"}}"""))));

    // orders comes first: the tickets service's different Problem is the one renamed
    assertThat(merged.path("components").path("schemas").propertyNames())
        .containsExactlyInAnyOrder("Problem", "Money", "tickets.Problem");
    assertThat(merged.at("/paths/~1api~1tickets/get/responses/400/$ref").asString())
        .isEqualTo("#/components/responses/tickets.Invalid");
    assertThat(merged.at("/components/responses/tickets.Invalid/content/schema/$ref").asString())
        .isEqualTo("#/components/schemas/tickets.Problem");
    assertThat(merged.at("/paths/~1api~1orders/get/responses/400/$ref").asString())
        .isEqualTo("#/components/responses/Invalid");
    assertThat(merged.at("/components/responses/Invalid/content/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(merged.path("info").path("description").asString())
        .contains(
            "The tickets service's schemas/Problem differs from another service's of that name:"
                + " here it is schemas/tickets.Problem.");
  }

  @Test
  void keepsTheFirstDescriptionOfAPathTwoServicesDescribe() {
    JsonNode merged =
        OpenApiMerge.merge(
            List.of(
                ServiceDescription.of("tickets", describing("/api/tickets", "{}")),
                ServiceDescription.of("orders", describing("/api/tickets", "{}"))));

    assertThat(merged.path("paths").propertyNames()).containsExactly("/api/tickets");
    assertThat(merged.path("info").path("description").asString())
        .contains(
            "The tickets service's /api/tickets is left out: another service describes it too.");
  }

  /**
   * A description whose one operation answers 400 with a shared response, which refers to the
   * Problem schema.
   */
  private JsonNode describing(String path, String schemas) {
    return json.readTree(
        """
        {"openapi":"3.0.1","info":{"title":"t","version":"1"},
         "paths":{"%s":{"get":{"responses":{"400":{"$ref":"#/components/responses/Invalid"}}}}},
         "components":{"schemas":%s,
           "responses":{"Invalid":{"description":"invalid","content":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}"""
            .formatted(path, schemas));
  }
}
