package io.airtix.gateway.apidocs;

import tools.jackson.databind.JsonNode;

/**
 * One service's part of the merged description: its own OpenAPI document, or why it is missing.
 *
 * @param document the service's description; null when it could not be read
 * @param missing why it could not be read, e.g. "it is not reachable"; null when it was read
 */
record ServiceDescription(String service, JsonNode document, String missing) {

  static ServiceDescription of(String service, JsonNode document) {
    return new ServiceDescription(service, document, null);
  }

  static ServiceDescription missing(String service, String why) {
    return new ServiceDescription(service, null, why);
  }
}
