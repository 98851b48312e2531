package io.airtix.keycloakclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoginPageTests {

  private static final URI PAGE =
      URI.create(
          "http://localhost:8180/realms/airtix/protocol/openid-connect/auth?client_id=airtix-web");

  @Test
  void findsTheLoginFormWithItsUnescapedActionAndHiddenFields() {
    String html =
        """
        <html><head><title>Sign in to Airtix</title></head><body>
        <form id="kc-form-login" class="pf-v5-c-form" onsubmit="login.disabled = true; return true;"
           action="http://localhost:8180/realms/airtix/login-actions/authenticate?session_code=abc&amp;execution=e1&amp;client_id=airtix-web" method="post">
         <input tabindex="1" id="username" class="pf-v5-c-form-control" name="username" value="" type="text" autofocus />
         <input id="password" name="password" type="password" />
         <input type="hidden" id="id-hidden-input" name="credentialId" />
        </form></body></html>
        """;

    LoginPage.Form form = new LoginPage(PAGE, html).loginForm().orElseThrow();

    assertThat(form.action())
        .hasToString(
            "http://localhost:8180/realms/airtix/login-actions/authenticate?session_code=abc&execution=e1&client_id=airtix-web");
    assertThat(form.fieldNames()).containsExactly("username", "password", "credentialId");
    assertThat(form.hiddenFields())
        .containsOnlyKeys("credentialId")
        .containsEntry("credentialId", "");
  }

  @Test
  void resolvesARelativeFormActionAgainstThePage() {
    String html =
        "<form action=\"/realms/airtix/login-actions/authenticate?x=1\"><input name=\"username\"></form>";

    LoginPage.Form form = new LoginPage(PAGE, html).loginForm().orElseThrow();

    assertThat(form.action())
        .hasToString("http://localhost:8180/realms/airtix/login-actions/authenticate?x=1");
  }

  @Test
  void readsTheErrorKeycloakShowsUnderTheInput() {
    String html =
        """
        <span id="input-error" class="pf-v5-c-helper-text__item-text pf-m-error kc-feedback-text" aria-live="polite">
          Invalid username or password.
        </span>
        """;

    assertThat(new LoginPage(PAGE, html).errorMessage()).contains("Invalid username or password.");
  }

  @Test
  void describesAPageWithoutErrorByItsTitle() {
    String html =
        "<html><head><title>Update password</title></head><body><form action=\"/x\"></form></body></html>";

    LoginPage page = new LoginPage(PAGE, html);

    assertThat(page.loginForm()).isEmpty();
    assertThat(page.describe())
        .isEqualTo("page \"Update password\" at /realms/airtix/protocol/openid-connect/auth");
  }

  @Test
  void unescapesNamedAndNumericEntities() {
    assertThat(LoginPage.unescape("a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#x27;"))
        .isEqualTo("a&b <c> \"d\" 'e'");
  }

  @Test
  void followsTheEnrolmentPagesLinkToTheKeyAsText() {
    String html =
        """
        <li><p>Open the application and scan the barcode:</p>
        <img id="kc-totp-secret-qr-code" src="data:image/png;base64, iVBOR" alt="Figure: Barcode"><br/>
        <p><a href="/realms/airtix/login-actions/required-action?execution=CONFIGURE_TOTP&amp;mode=manual" id="mode-manual">Unable to scan?</a></p></li>
        """;

    LoginPage page = new LoginPage(PAGE, html);

    assertThat(page.link("mode-manual"))
        .contains(
            URI.create(
                "http://localhost:8180/realms/airtix/login-actions/required-action?execution=CONFIGURE_TOTP&mode=manual"));
    assertThat(page.link("mode-barcode")).isEmpty();
    assertThat(page.textOf("kc-totp-secret-key")).isEmpty();
  }

  @Test
  void readsTheKeyTheEnrolmentPageShows() {
    String html =
        """
        <p>Enter the following key into your application:</p>
        <p><span id="kc-totp-secret-key">GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ</span></p>
        """;

    assertThat(new LoginPage(PAGE, html).textOf("kc-totp-secret-key"))
        .contains("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
  }
}
