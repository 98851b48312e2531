package io.airtix.platform.validation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** What every service refuses in its input before its own checks run. */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class ValidationAutoConfiguration {

  @Bean
  JsonMapperBuilderCustomizer airtixStrictJsonInput() {
    return new StrictJsonInput();
  }
}
