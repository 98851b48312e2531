package io.airtix.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecovererWithConfirms;

/**
 * Where an event goes when the service gave up on it: republished, with the failure in its headers
 * ({@code x-exception-message}, {@code x-original-routingKey} …), to the dead-letter exchange with
 * the service's name as routing key, hence to {@code <service>.dead-letter}. Done from the
 * consumer, not through the queue's {@code x-dead-letter-exchange} argument, which the embedded
 * broker refuses. The original is acknowledged only after the broker confirmed the copy; if it did
 * not, the original goes back to the queue instead of being lost.
 */
final class DeadLetters implements MessageRecoverer {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final RepublishMessageRecovererWithConfirms republisher;
  private final String deadLetterExchange;
  private final String service;
  private final Counter deadLettered;

  DeadLetters(
      RabbitTemplate template, String deadLetterExchange, String service, MeterRegistry meters) {
    this.republisher =
        new RepublishMessageRecovererWithConfirms(
            template, deadLetterExchange, service, ConfirmType.CORRELATED);
    this.deadLetterExchange = deadLetterExchange;
    this.service = service;
    this.deadLettered =
        Counter.builder("airtix.inbox.dead.lettered")
            .description("Events this service gave up on and sent to its dead-letter queue")
            .register(meters);
  }

  @Override
  public void recover(Message message, Throwable cause) {
    log.warn(
        "Message {} (type {}) goes to the dead-letter queue {}.dead-letter: {}",
        message.getMessageProperties().getMessageId(),
        message.getMessageProperties().getType(),
        service,
        rootMessage(cause));
    try {
      republisher.recover(message, cause);
      deadLettered.increment();
    } catch (RuntimeException ex) {
      log.warn(
          "Could not dead-letter event {} to {}; it is requeued",
          message.getMessageProperties().getMessageId(),
          deadLetterExchange,
          ex);
      throw new ImmediateRequeueAmqpException("Dead-lettering failed", ex);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
