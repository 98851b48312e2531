package io.airtix.testing.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What the test clients of the live service share: every message received, in order, kept for
 * assertions on all of them, and a way to wait for the next one that matches.
 */
public abstract class LiveClient implements AutoCloseable {

  private final BlockingQueue<Received> unread = new LinkedBlockingQueue<>();
  private final List<Received> all = new ArrayList<>();
  private volatile boolean ended;

  void received(Received message) {
    synchronized (all) {
      all.add(message);
    }
    unread.add(message);
  }

  void ended() {
    ended = true;
  }

  /** Whether the service closed the connection (or it broke). */
  public boolean isEnded() {
    return ended;
  }

  /**
   * Waits for the next message that matches, skipping others.
   *
   * @throws AssertionError when none arrives within {@code within}
   */
  public Received await(Predicate<Received> wanted, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Received next = left <= 0 ? null : unread.poll(left, TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new AssertionError("No matching live message within " + within + "; got " + all());
        }
        if (wanted.test(next)) {
          return next;
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a live message", interrupted);
    }
  }

  /** Waits for the next message of a type. */
  public Received await(String type, Duration within) {
    return await(message -> message.type().equals(type), within);
  }

  /** Every message received so far, in order. */
  public List<Received> all() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /** The position of the last message that had one. */
  public String lastPosition() {
    List<Received> received = all();
    for (int i = received.size() - 1; i >= 0; i--) {
      if (received.get(i).position() != null) {
        return received.get(i).position();
      }
    }
    return null;
  }

  public static Predicate<Received> ofType(String type) {
    return message -> message.type().equals(type);
  }
}
