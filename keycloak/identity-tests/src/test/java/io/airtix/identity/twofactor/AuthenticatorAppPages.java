package io.airtix.identity.twofactor;

import io.airtix.identity.browser.WebBrowser;
import io.airtix.keycloakclient.AuthenticatorApp;

/** What a person does on Keycloak's authenticator-app pages, with an app on their phone. */
final class AuthenticatorAppPages {

  private AuthenticatorAppPages() {}

  /**
   * On the set-up page: reads the key under "Unable to scan?" into a new app, enters its code,
   * names the device and saves. The app remembers the code it gave, so the next one it gives
   * Keycloak accepts too.
   */
  static AuthenticatorApp setUp(WebBrowser browser, String screenshot) {
    browser.page().locator("#kc-totp-settings-form").waitFor();
    browser.screenshot(screenshot);
    browser.page().getByText("Unable to scan?").click();
    AuthenticatorApp app =
        AuthenticatorApp.withKey(
            browser.page().locator("#kc-totp-secret-key").innerText(), Long.MIN_VALUE);
    browser.page().locator("#totp").fill(app.nextCode());
    browser.page().locator("#userLabel").fill("Phone");
    browser.page().locator("#saveTOTPBtn").click();
    return app;
  }

  /** On the sign-in page that asks for a code: enters it and signs in. */
  static void enterCode(WebBrowser browser, String code) {
    browser.page().locator("#otp").fill(code);
    browser.page().locator("#kc-login").click();
  }
}
