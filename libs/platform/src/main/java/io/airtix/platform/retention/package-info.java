/**
 * Rows a service keeps for a while only (sent events, applied event ids, settled deadlines, webhook
 * ids), purged now and then by age.
 */
package io.airtix.platform.retention;
