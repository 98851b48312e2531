package io.airtix.platform.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that applies one event type, e.g. {@code @InboxListener void on(TicketCreated
 * event)} or {@code void on(EventEnvelope<TicketCreated> event)} to see the envelope too. The
 * method runs in a transaction with the inbox bookkeeping, at most once per event id and in version
 * order per aggregate; what it writes commits together with the record that the event was applied.
 * An exception rolls both back and the event is retried, then dead-lettered. The service's queue is
 * bound to the types its listeners take; one listener per type and service.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InboxListener {

  EventOrdering ordering() default EventOrdering.CONTIGUOUS;
}
