/**
 * The event backbone every service uses: {@link io.airtix.platform.messaging.Outbox} to publish in
 * the transaction of a change, {@link io.airtix.platform.messaging.InboxListener} methods to apply
 * events at most once and in version order, the topology and dead-lettering, and the platform's own
 * outbox and inbox tables. Works the same on RabbitMQ and on the standalone mode's embedded broker.
 * See docs/decisions/0007-event-backbone.md.
 */
package io.airtix.platform.messaging;
