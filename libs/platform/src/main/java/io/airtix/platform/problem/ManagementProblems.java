package io.airtix.platform.problem;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The management port (decision 0031) runs a Tomcat and filters of its own, which the service's
 * customizers and filters do not reach: what that Tomcat refuses before any servlet is answered as
 * problem+json too, and bodies are limited as on the service's port.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
class ManagementProblems {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> managementProblemErrorReports() {
    return ProblemAutoConfiguration.ContainerErrors.problemErrorReportsOnTomcat();
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> managementBodyLimitFilter(
      BodyLimitSettings settings, ProblemWriter writer) {
    FilterRegistrationBean<BodyLimitFilter> registration =
        new FilterRegistrationBean<>(new BodyLimitFilter(settings, writer));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
