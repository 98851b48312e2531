/**
 * A service's OpenAPI description held to what the service answers: {@link
 * io.airtix.testing.openapi.ApiContract} checks each exchange against it and that every operation
 * was called; {@link io.airtix.testing.openapi.ApiFuzzer} sends bad input derived from it and
 * checks that it is refused as it should be.
 */
package io.airtix.testing.openapi;
