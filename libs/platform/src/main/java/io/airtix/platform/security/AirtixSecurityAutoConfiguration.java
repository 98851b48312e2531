package io.airtix.platform.security;

import io.airtix.platform.denylist.DenyList;
import io.airtix.platform.problem.ProblemAutoConfiguration;
import io.airtix.platform.problem.ProblemWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth 2 resource server for the Airtix realm: stateless, bearer tokens only,
 * RS256 signatures checked against the realm's keys, and {@code iss}, {@code exp}/{@code nbf} and
 * {@code aud} validated. Errors are problems, like everywhere else. A verified token is remembered
 * until it expires ({@link VerifiedTokenCache}); the deny-list is asked on every request.
 */
@AutoConfiguration(
    after = ProblemAutoConfiguration.class,
    before = {
      ServletWebSecurityAutoConfiguration.class,
      OAuth2ResourceServerAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class,
      ManagementWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class AirtixSecurityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(
      SecuritySettings settings, Environment environment, ObjectProvider<DenyList> denyList) {
    return AccessTokenDecoders.create(
        settings, AccessTokenDecoders.audience(settings, environment), denyList.getIfAvailable());
  }

  /**
   * Spring Security's own observations (one around every filter of the chain, every authentication
   * and every authorization) feed no metric, dashboard or trace of Airtix, and cost each request
   * more than the access policy; {@code http.server.requests} still measures every request.
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @ConditionalOnMissingBean
  AirtixPrincipalConverter airtixPrincipalConverter() {
    return new AirtixPrincipalConverter();
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemWriter writer) {
    return new ProblemAuthenticationEntryPoint(writer);
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemWriter writer) {
    return new ProblemAccessDeniedHandler(writer);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain airtixSecurityFilterChain(
      HttpSecurity http,
      SecuritySettings settings,
      ObjectProvider<PublicEndpoints> declared,
      JwtDecoder decoder,
      AirtixPrincipalConverter converter,
      ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler deniedHandler) {
    List<PublicEndpoints.Endpoint> open =
        PublicEndpoints.all(settings.publicEndpoints(), declared.orderedStream());
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();

    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(anonymous -> {})
        .authorizeHttpRequests(
            requests -> {
              // on the management port, which only Prometheus and the gateway reach (decision
              // 0031)
              requests
                  .requestMatchers(EndpointRequest.to("health", "info", "prometheus", "openapi"))
                  .permitAll();
              // nothing answers these on the service's port: 404 there, like any address that
              // holds nothing, rather than a 401 that suggests something behind a token
              requests
                  .requestMatchers(
                      paths.matcher("/actuator/**"),
                      paths.matcher("/v3/api-docs/**"),
                      paths.matcher("/error"))
                  .permitAll();
              open.forEach(
                  endpoint ->
                      requests
                          .requestMatchers(paths.matcher(endpoint.method(), endpoint.pattern()))
                          .permitAll());
              requests.anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(deniedHandler))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler));
    return http.build();
  }

  @Bean
  WebMvcConfigurer airtixPrincipalArguments() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AirtixPrincipalArgumentResolver());
      }
    };
  }
}
