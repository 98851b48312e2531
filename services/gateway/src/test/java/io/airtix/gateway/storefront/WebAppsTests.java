package io.airtix.gateway.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway serving a storefront app over a real socket: an app named {@code shop} from this
 * module's test resources ({@code airtix-web/shop/}), laid out as Vite builds one.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.gateway.web-apps.apps=shop,other",
      "airtix.gateway.web-apps.identity-provider=https://id.example.org"
    })
class WebAppsTests {

  private static final String INDEX_MARK = "<title>Shop</title>";

  private final HttpClient client = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void rootLeadsToTheFirstApp() throws Exception {
    HttpResponse<String> response = get("/");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValue("/shop/");
  }

  @Test
  void appWithoutItsTrailingSlashLeadsToItsPage() throws Exception {
    assertThat(get("/shop").headers().firstValue("Location")).hasValue("/shop/");
    assertThat(get("/other").headers().firstValue("Location")).hasValue("/other/");
  }

  @Test
  void servesTheAppsPageRevalidatedOnEveryLoad() throws Exception {
    HttpResponse<String> response = get("/shop/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(INDEX_MARK);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void answersTheAppsOwnRoutesWithItsPage() throws Exception {
    for (String route :
        new String[] {
          "/shop/tickets/5b0f6d3e-2f7a-4a51-9d3c-1c2b3a4d5e6f",
          "/shop/callback?code=abc&state=xyz",
          "/shop/orders"
        }) {
      HttpResponse<String> response = get(route);

      assertThat(response.statusCode()).as(route).isEqualTo(200);
      assertThat(response.body()).as(route).contains(INDEX_MARK);
      assertThat(response.headers().firstValue("Cache-Control")).as(route).hasValue("no-cache");
    }
  }

  @Test
  void cachesHashedAssetsForAYearWithoutRevalidation() throws Exception {
    HttpResponse<String> response = get("/shop/assets/app-3f9a1c.js");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("export const shop");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("max-age=31536000, public, immutable");
  }

  @Test
  void servesOtherFilesOfTheAppRevalidated() throws Exception {
    HttpResponse<String> response = get("/shop/robots.txt");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void answersAMissingFileWith404NotWithThePage() throws Exception {
    for (String missing : new String[] {"/shop/assets/app-000000.js", "/shop/logo.png"}) {
      HttpResponse<String> response = get(missing);

      assertThat(response.statusCode()).as(missing).isEqualTo(404);
      assertThat(response.body()).as(missing).doesNotContain(INDEX_MARK);
    }
  }

  @Test
  void givesEveryAppItsConfigurationRevalidatedOnEveryLoad() throws Exception {
    for (String app : new String[] {"shop", "other"}) {
      HttpResponse<String> response = get("/" + app + "/config.json");

      assertThat(response.statusCode()).as(app).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(app)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(response.headers().firstValue("Cache-Control")).as(app).hasValue("no-cache");
      assertThat(response.body().replace(" ", ""))
          .as(app)
          .isEqualTo(
              "{\"authority\":\"https://id.example.org/realms/airtix\",\"clientId\":\"airtix-web\","
                  + "\"stripePublishableKey\":null}");
    }
  }

  @Test
  void letsTheAppsReachKeycloakAndNothingElseBesidesTheGateway() throws Exception {
    for (String path : new String[] {"/shop/", "/shop/tickets/1", "/shop/assets/app-3f9a1c.js"}) {
      assertThat(get(path).headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              policy ->
                  assertThat(policy)
                      .contains(
                          "default-src 'self'",
                          "connect-src 'self' https://id.example.org",
                          "frame-ancestors 'none'",
                          "object-src 'none'")
                      .doesNotContain("unsafe-inline", "unsafe-eval", "stripe"));
    }
  }

  @Test
  void keepsKeycloakOutOfThePolicyOfEverythingElse() throws Exception {
    assertThat(get("/api/unknown").headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).doesNotContain("id.example.org"));
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
        BodyHandlers.ofString());
  }
}
