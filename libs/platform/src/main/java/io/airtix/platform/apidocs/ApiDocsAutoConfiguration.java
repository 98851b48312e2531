package io.airtix.platform.apidocs;

import io.airtix.platform.security.AirtixPrincipal;
import io.airtix.platform.security.PublicEndpoints;
import io.airtix.platform.security.SecuritySettings;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Makes a service's OpenAPI description tell the truth (decision 0030). The settings that go with
 * it (only {@code /api/**}, JSON, OpenAPI 3.0) are every service's defaults.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
public class ApiDocsAutoConfiguration {

  static {
    // the caller comes from the token, never from the request's parameters
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(AirtixPrincipal.class);
  }

  @Bean
  OperationCustomizer airtixDeclaredResponses() {
    return new DeclaredResponses();
  }

  @Bean
  OpenApiCustomizer airtixCommonProblems(
      ObjectProvider<SecuritySettings> settings, ObjectProvider<PublicEndpoints> declared) {
    SecuritySettings known = settings.getIfAvailable();
    List<String> configured = known == null ? List.of() : known.publicEndpoints();
    return new CommonProblems(PublicEndpoints.all(configured, declared.orderedStream()));
  }
}
