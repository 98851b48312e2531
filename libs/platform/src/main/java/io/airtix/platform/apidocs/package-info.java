/**
 * The OpenAPI description of a service, made to tell the truth: the caller is never a parameter,
 * every operation lists the statuses it really answers (its success, and the problems of {@code
 * application/problem+json}), and media types are the real ones.
 */
package io.airtix.platform.apidocs;
