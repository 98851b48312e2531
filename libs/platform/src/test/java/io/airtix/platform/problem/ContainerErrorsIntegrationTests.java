package io.airtix.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.platform.config.AirtixService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real Tomcat answering what reaches it before any servlet, and bodies past their limit, as
 * problem+json: the requests are written byte for byte on a socket, as a careless or hostile client
 * would send them.
 */
@SpringBootTest(
    classes = ContainerErrorsIntegrationTests.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "airtix.security.issuer-uri=http://localhost:8180/realms/airtix",
      "airtix.security.public-endpoints=POST /open/**",
      "airtix.http.max-body=1KB",
      "airtix.http.paths.[/open/small/**]=64B",
      "server.max-http-request-header-size=4KB"
    })
class ContainerErrorsIntegrationTests {

  @LocalServerPort int port;

  @Test
  void answersRequestsTomcatRefusesBeforeAnyServletAsProblems() throws IOException {
    Map<String, String> refused =
        Map.of(
            "bad percent-encoding", "GET /open/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "a character paths may not hold", "GET /open/[x] HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "a malformed method", "G@T /open HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "headers too large",
                "GET /open HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(6000) + "\r\n\r\n",
            "a request line too long",
                "GET /open/" + "a".repeat(6000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "no host", "GET /open HTTP/1.1\r\n\r\n");

    for (Map.Entry<String, String> request : refused.entrySet()) {
      String answer = exchange(request.getValue());

      assertThat(answer).as(request.getKey()).startsWith("HTTP/1.1 400");
      assertThat(answer)
          .as(request.getKey())
          .containsIgnoringCase("Content-Type: application/problem+json")
          .contains("\"type\":\"https://airtix.io/problems/bad-request\"", "\"status\":400")
          .doesNotContainIgnoringCase("tomcat")
          .doesNotContain("Exception", "<html");
    }
  }

  @Test
  void refusesABodyPastItsLimitWith413WithoutReadingIt() throws IOException {
    String declared =
        exchange(
            "POST /open/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2048\r\n\r\n"
                + "\""
                + "a".repeat(100));
    String chunked =
        exchange(
            "POST /open/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "802\r\n\""
                + "a".repeat(2048)
                + "\"\r\n0\r\n\r\n");
    String smallPath =
        exchange(
            "POST /open/small/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 102\r\n\r\n\""
                + "a".repeat(100)
                + "\"");
    String withinLimit =
        exchange(
            "POST /open/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 102\r\nConnection: close\r\n\r\n\""
                + "a".repeat(100)
                + "\"");

    for (String answer : new String[] {declared, chunked, smallPath}) {
      assertThat(answer).startsWith("HTTP/1.1 413");
      assertThat(answer)
          .containsIgnoringCase("Content-Type: application/problem+json")
          .contains("\"type\":\"https://airtix.io/problems/payload-too-large\"");
    }
    assertThat(withinLimit).startsWith("HTTP/1.1 200");
  }

  @Test
  void namesTheAddressTheGatewayWasCalledAtInTheChallengeOfA401() throws IOException {
    String answer =
        exchange(
            "GET /protected HTTP/1.1\r\nHost: localhost:"
                + port
                + "\r\nX-Forwarded-Host: localhost:8080\r\nX-Forwarded-Port: 8080\r\n"
                + "X-Forwarded-Proto: http\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 401");
    assertThat(answer)
        .contains(
            "resource_metadata=\"http://localhost:8080/.well-known/oauth-protected-resource\"")
        .doesNotContain("localhost:" + port + "/");
  }

  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.net.SocketException reset) {
      return "(connection reset: " + reset.getMessage() + ")";
    }
  }

  // a plain configuration, not a @SpringBootConfiguration, which the package's slice tests would
  // find
  @Configuration(proxyBeanMethods = false)
  @AirtixService("things")
  @EnableAutoConfiguration(
      excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration"
      })
  @Import(App.Echo.class)
  static class App {

    @RestController
    static class Echo {

      @GetMapping("/protected")
      String secret() {
        return "secret";
      }

      @PostMapping({"/open/echo", "/open/small/echo"})
      String echo(@RequestBody String body) {
        return body;
      }
    }
  }
}
