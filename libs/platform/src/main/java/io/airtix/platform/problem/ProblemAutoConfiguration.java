package io.airtix.platform.problem;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problems for every error a service can answer. */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(BodyLimitSettings.class)
public class ProblemAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ProblemResponses problemResponses() {
    return new ProblemResponses();
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
      BodyLimitSettings settings, ProblemWriter writer) {
    FilterRegistrationBean<BodyLimitFilter> registration =
        new FilterRegistrationBean<>(new BodyLimitFilter(settings, writer));
    // after the request id, before anything reads a body
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    // Before the security filter chain, whose errors carry the id too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Tomcat's own error reports (answered before any servlet, e.g. for a malformed path) become
   * problem+json: {@link ProblemErrorReportValve} replaces the report valve Spring Boot puts on the
   * host, so this customizer runs last.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
  static class ContainerErrors {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
      return problemErrorReportsOnTomcat();
    }

    /** Also the management port's Tomcat ({@link ManagementProblems}). */
    static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>
        problemErrorReportsOnTomcat() {
      return factory ->
          factory.addContextCustomizers(
              context -> {
                if (context.getParent() instanceof StandardHost host) {
                  for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                      host.getPipeline().removeValve(valve);
                    }
                  }
                  host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                  host.getPipeline().addValve(new ProblemErrorReportValve());
                }
              });
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.dao.DataAccessException")
  static class DataAccess {

    @Bean
    @ConditionalOnMissingBean
    DataAccessProblems dataAccessProblems() {
      return new DataAccessProblems();
    }
  }
}
