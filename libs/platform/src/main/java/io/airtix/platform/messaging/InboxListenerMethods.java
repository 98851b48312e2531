package io.airtix.platform.messaging;

import io.airtix.events.EventEnvelope;
import io.airtix.events.EventTypes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link InboxListener} methods of the service's beans and resolves them to one handler
 * per type.
 */
final class InboxListenerMethods implements BeanPostProcessor {

  private final List<Found> found = new ArrayList<>();
  private volatile Map<String, Handler> handlers;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> type = AopUtils.getTargetClass(bean);
    Map<Method, InboxListener> methods =
        MethodIntrospector.selectMethods(
            type,
            (MethodIntrospector.MetadataLookup<InboxListener>)
                method -> AnnotatedElementUtils.findMergedAnnotation(method, InboxListener.class));
    synchronized (found) {
      methods.forEach(
          (method, annotation) -> found.add(new Found(beanName, bean, method, annotation)));
    }
    return bean;
  }

  /** Every listener by event type; checked once, after all beans are created. */
  Map<String, Handler> handlers(EventTypes types) {
    Map<String, Handler> resolved = handlers;
    if (resolved == null) {
      synchronized (found) {
        resolved = resolve(types);
        handlers = resolved;
      }
    }
    return resolved;
  }

  private Map<String, Handler> resolve(EventTypes types) {
    Map<String, Handler> byType = new LinkedHashMap<>();
    for (Found listener : found) {
      Handler handler = Handler.of(listener, types);
      Handler other = byType.putIfAbsent(handler.type(), handler);
      if (other != null) {
        throw new IllegalStateException(
            "Two inbox listeners for "
                + handler.type()
                + ": "
                + other.describe()
                + " and "
                + handler.describe()
                + "; a service applies each event type once");
      }
    }
    requireWholeStreams(byType, types);
    return Map.copyOf(byType);
  }

  /** Contiguous versions can only be awaited if every event type of the aggregate arrives. */
  private static void requireWholeStreams(Map<String, Handler> byType, EventTypes types) {
    for (Handler handler : byType.values()) {
      if (handler.ordering() == EventOrdering.CONTIGUOUS) {
        String stream = EventTypes.streamOf(handler.type());
        Set<String> missing = new TreeSet<>();
        for (String type : types.types()) {
          if (EventTypes.streamOf(type).equals(stream) && !byType.containsKey(type)) {
            missing.add(type);
          }
        }
        if (!missing.isEmpty()) {
          throw new IllegalStateException(
              handler.describe()
                  + " applies "
                  + stream
                  + " versions contiguously, so "
                  + "the service must also listen to "
                  + missing
                  + " (or use EventOrdering.NEWER_ONLY)");
        }
      }
    }
  }

  private record Found(String beanName, Object bean, Method method, InboxListener annotation) {}

  /** One listener method and how to call it. */
  record Handler(
      String type, Object bean, Method method, boolean takesEnvelope, EventOrdering ordering) {

    static Handler of(Found found, EventTypes types) {
      Method method = found.method();
      if (method.getParameterCount() != 1) {
        throw new IllegalStateException(
            "Inbox listener "
                + found.beanName()
                + "."
                + method.getName()
                + " must take exactly one parameter: the event record or EventEnvelope<event record>");
      }
      ResolvableType parameter = ResolvableType.forMethodParameter(method, 0);
      boolean envelope = EventEnvelope.class.equals(parameter.resolve());
      Class<?> payload = envelope ? parameter.getGeneric(0).resolve() : parameter.resolve();
      if (payload == null) {
        throw new IllegalStateException(
            "Inbox listener "
                + found.beanName()
                + "."
                + method.getName()
                + " must name its event record");
      }
      String type = types.typeOf(payload);
      ReflectionUtils.makeAccessible(method);
      return new Handler(type, found.bean(), method, envelope, found.annotation().ordering());
    }

    void invoke(EventEnvelope<Object> envelope) {
      try {
        method.invoke(bean, takesEnvelope ? envelope : envelope.payload());
      } catch (InvocationTargetException ex) {
        Throwable cause = ex.getTargetException();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(describe() + " failed", cause);
      } catch (IllegalAccessException ex) {
        throw new IllegalStateException(ex);
      }
    }

    String describe() {
      return AopUtils.getTargetClass(bean).getSimpleName()
          + "."
          + method.getName()
          + "("
          + type
          + ")";
    }
  }
}
