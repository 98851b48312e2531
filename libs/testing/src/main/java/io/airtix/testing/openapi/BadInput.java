package io.airtix.testing.openapi;

/**
 * One request with something wrong in it, derived from a valid one.
 *
 * @param what what is wrong, for the failure message
 * @param contentType null to send none
 */
record BadInput(String what, String method, String path, String contentType, String body) {}
