package io.airtix.keycloakclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTests {

  @Test
  void derivesTheS256ChallengeOfRfc7636AppendixB() {
    Pkce pkce = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void generatesAFreshUrlSafeVerifierOfAllowedLengthEachTime() {
    Pkce first = Pkce.generate();
    Pkce second = Pkce.generate();

    assertThat(first.verifier()).isNotEqualTo(second.verifier()).matches("[A-Za-z0-9_-]{43,128}");
  }
}
