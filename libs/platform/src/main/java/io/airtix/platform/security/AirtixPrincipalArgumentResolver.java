package io.airtix.platform.security;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method declare a plain {@code AirtixPrincipal caller} parameter. Also accepts
 * an authentication whose principal is a bare {@link Jwt} (as built by spring-security-test's
 * {@code jwt()}), so slice tests exercise the same claim mapping as production.
 */
public class AirtixPrincipalArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return AirtixPrincipal.class.equals(parameter.getParameterType());
  }

  @Override
  public AirtixPrincipal resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof AirtixPrincipal principal) {
      return principal;
    }
    if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
      return AirtixPrincipal.fromClaims(jwt.getClaims());
    }
    // Only reachable when an endpoint that needs a caller was declared public by mistake
    AirtixProblem problem =
        new AirtixProblem(
            HttpStatus.UNAUTHORIZED,
            ProblemTypes.UNAUTHORIZED,
            "UNAUTHORIZED",
            "Unauthorized",
            "This request needs a bearer token.");
    problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    throw problem;
  }
}
