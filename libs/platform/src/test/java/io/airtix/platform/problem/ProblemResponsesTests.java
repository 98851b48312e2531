package io.airtix.platform.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(
    controllers = ProblemTestController.class,
    properties = {
      "airtix.security.issuer-uri=http://localhost:8180/realms/airtix",
      "spring.application.name=things"
    })
@Import(ProblemTestController.OpenEndpoints.class)
class ProblemResponsesTests {

  @Autowired MockMvc mvc;

  @Test
  void answersInvalidBodyWith400AndFieldErrors() throws Exception {
    problem(
            mvc.perform(
                post("/test/things")
                    .with(jwt())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"\",\"quantity\":0}")),
            400,
            "validation",
            "VALIDATION")
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(notNullValue()))
        .andExpect(jsonPath("$.errors[?(@.field == 'quantity')].message").value(notNullValue()));
  }

  @Test
  void answersUnknownEnumValueAsFieldError() throws Exception {
    problem(
            mvc.perform(
                post("/test/things")
                    .with(jwt())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"a\",\"quantity\":1,\"size\":\"HUGE\"}")),
            400,
            "validation",
            "VALIDATION")
        .andExpect(jsonPath("$.errors[0].field").value("size"));
  }

  @Test
  void answersMalformedJsonWith400() throws Exception {
    problem(
        mvc.perform(
            post("/test/things")
                .with(jwt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":")),
        400,
        "malformed-request",
        "MALFORMED_REQUEST");
  }

  @Test
  void answersInvalidQueryParameterWith400AndFieldErrors() throws Exception {
    problem(mvc.perform(get("/test/things?size=0").with(jwt())), 400, "validation", "VALIDATION")
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    problem(mvc.perform(get("/test/things?size=many").with(jwt())), 400, "validation", "VALIDATION")
        .andExpect(jsonPath("$.errors[0].field").value("size"));
  }

  @Test
  void answersUnknownObjectWith404CarryingTheDomainCode() throws Exception {
    problem(mvc.perform(get("/test/things/7").with(jwt())), 404, "not-found", "THING_NOT_FOUND")
        .andExpect(jsonPath("$.detail").value("No thing 7."))
        .andExpect(jsonPath("$.instance").value("/test/things/7"));
  }

  @Test
  void answersUnknownPathWith404() throws Exception {
    problem(mvc.perform(get("/test/nothing-here").with(jwt())), 404, "not-found", "NOT_FOUND");
  }

  @Test
  void answersMissingTokenWith401AndBearerChallenge() throws Exception {
    problem(mvc.perform(get("/test/things/7")), 401, "unauthorized", "UNAUTHORIZED")
        .andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
  }

  @Test
  void answersUnreadableTokenWith401() throws Exception {
    problem(
            mvc.perform(get("/test/things/7").header("Authorization", "Bearer not-a-jwt")),
            401,
            "unauthorized",
            "UNAUTHORIZED")
        .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
  }

  @Test
  void letsPublicEndpointsThroughWithoutToken() throws Exception {
    mvc.perform(get("/test/public/hello")).andExpect(status().isOk());
  }

  @Test
  void answersForbiddenWith403() throws Exception {
    problem(mvc.perform(get("/test/forbidden").with(jwt())), 403, "forbidden", "FORBIDDEN");
  }

  @Test
  void answersWrongMethodWith405() throws Exception {
    problem(
        mvc.perform(delete("/test/things").with(jwt())),
        405,
        "method-not-allowed",
        "METHOD_NOT_ALLOWED");
  }

  @Test
  void answersStaleVersionWith409() throws Exception {
    problem(mvc.perform(get("/test/stale").with(jwt())), 409, "stale-version", "STALE_VERSION");
  }

  @Test
  void answersWrongContentTypeWith415() throws Exception {
    problem(
        mvc.perform(
            post("/test/things").with(jwt()).contentType(MediaType.TEXT_PLAIN).content("x")),
        415,
        "unsupported-media-type",
        "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void answersUnexpectedErrorWith500WithoutInternals() throws Exception {
    problem(mvc.perform(get("/test/boom").with(jwt())), 500, "internal", "INTERNAL")
        .andExpect(content().string(not(containsString("secret internal detail"))))
        .andExpect(content().string(not(containsString("IllegalStateException"))));
  }

  @Test
  void resolvesCallerFromTokenClaims() throws Exception {
    mvc.perform(
            get("/test/me")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .subject("u-1")
                                    .claim("preferred_username", "ana")
                                    .claim(
                                        "realm_access",
                                        Map.of("roles", List.of("customer", "offline_access")))
                                    .claim("groups", List.of("/airlines/aerolux/agent")))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userId").value("u-1"))
        .andExpect(jsonPath("$.platformRoles[0]").value("customer"))
        .andExpect(jsonPath("$.airlineRoles.aerolux[0]").value("agent"));
  }

  private static ResultActions problem(ResultActions result, int status, String type, String code)
      throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemTypes.BASE + type))
        .andExpect(jsonPath("$.title").value(notNullValue()))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.detail").value(notNullValue()))
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.traceId").value(notNullValue()))
        .andExpect(jsonPath("$.instance").value(notNullValue()));
  }
}
