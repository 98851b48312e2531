package io.airtix.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problems for every error a service can answer. */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
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
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    // Before the security filter chain, whose errors carry the id too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
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
