package io.airtix.testing.isolation;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoints a running Spring MVC service really has, read from its handler mappings: what an
 * isolation matrix is checked against, so no controller method escapes it.
 */
public final class ServiceEndpoints {

  private ServiceEndpoints() {}

  /**
   * Every method × path pattern of the context's annotated handlers at {@code prefix} or below it,
   * e.g. {@code /api}. A handler mapped without methods answers every method and is reported with
   * {@link Endpoint#ANY_METHOD}, which no matrix row can name: such a mapping fails the
   * completeness check until its methods are declared.
   */
  public static Set<Endpoint> under(ApplicationContext context, String prefix) {
    Set<Endpoint> endpoints = new TreeSet<>();
    for (RequestMappingHandlerMapping mapping :
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (!pattern.equals(prefix) && !pattern.startsWith(prefix + "/")) {
            continue;
          }
          if (methods.isEmpty()) {
            endpoints.add(new Endpoint(Endpoint.ANY_METHOD, pattern));
          }
          methods.forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
        }
      }
    }
    return endpoints;
  }
}
