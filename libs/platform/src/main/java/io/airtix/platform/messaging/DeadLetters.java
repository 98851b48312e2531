package io.airtix.platform.messaging;

import io.airtix.events.broker.BrokerNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.aopalliance.aop.Advice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
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
 * not, the original goes back to the queue instead of being lost. The inbox and the deny-list's
 * durable feed send there.
 */
public final class DeadLetters implements MessageRecoverer {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final RepublishMessageRecovererWithConfirms republisher;
  private final String deadLetterExchange;
  private final String service;
  private final Counter deadLettered;

  public DeadLetters(
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

  /**
   * The service's dead-letter exchange, its queue and their binding; the same declaration wherever
   * a consumer of the service may dead-letter.
   */
  public static List<Declarable> topology(String deadLetterExchange, String service) {
    DirectExchange exchange = new DirectExchange(deadLetterExchange, true, false);
    Queue queue = new Queue(BrokerNames.deadLetterQueue(service), true, false, false);
    return List.of(exchange, queue, BindingBuilder.bind(queue).to(exchange).with(service));
  }

  /**
   * What a consumer puts around its listener: a failing message is tried {@code maxAttempts} times
   * in all, the pause growing by {@code multiplier} from {@code initialBackoff} up to {@code
   * maxBackoff}, then sent here; a message that is no event comes here at once.
   */
  public Advice afterRetries(
      int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
    return RetryInterceptorBuilder.stateless()
        .configureRetryPolicy(
            policy ->
                policy
                    .maxRetries(Math.max(maxAttempts - 1, 0))
                    .delay(initialBackoff)
                    .multiplier(multiplier)
                    .maxDelay(maxBackoff)
                    // a message that is no event stays one
                    .predicate(failure -> !causedBy(failure, MalformedEventException.class)))
        .recoverer(this)
        .build();
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
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
