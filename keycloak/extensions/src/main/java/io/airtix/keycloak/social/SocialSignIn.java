package io.airtix.keycloak.social;

import org.keycloak.provider.Provider;

/**
 * Nothing to do per request: the identity providers are set up once, when Keycloak starts or the
 * realm is created.
 */
public interface SocialSignIn extends Provider {}
