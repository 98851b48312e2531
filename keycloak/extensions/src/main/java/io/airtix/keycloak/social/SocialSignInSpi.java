package io.airtix.keycloak.social;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Gives the social sign-in set-up its own configuration scope, {@code
 * --spi-social-sign-in--airtix--…} ({@code KC_SPI_SOCIAL_SIGN_IN__AIRTIX__…}), beside the event
 * listener's.
 */
public final class SocialSignInSpi implements Spi {

  static final String NAME = "social-sign-in";

  @Override
  public boolean isInternal() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public Class<? extends Provider> getProviderClass() {
    return SocialSignIn.class;
  }

  @Override
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return SocialSignInProviderFactory.class;
  }
}
