package io.airtix.tenants.airlines;

import java.util.List;

/**
 * One page of airlines; {@code page} counts from 0. Keycloak counts no organizations cheaply, hence
 * no total.
 */
record AirlinePage(List<AirlineResponse> items, int page, int size) {}
