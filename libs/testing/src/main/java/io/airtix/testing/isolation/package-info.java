/**
 * Tenant isolation as data: a matrix per service of what each kind of caller gets from each
 * endpoint for objects of airline A and of airline B, checked for completeness against the running
 * service's handler mappings and asked over HTTP with real tokens. See the module's README.
 */
package io.airtix.testing.isolation;
