package io.airtix.launcher.storefront;

import io.airtix.testing.browser.Chromium;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the storefront tests the one running Airtix and the one Chromium of the JVM, each started
 * by the first test that asks and stopped after the last.
 */
final class StorefrontExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RunningAirtix.class || type == Chromium.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == RunningAirtix.class) {
      return RunningAirtix.of(context);
    }
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Chromium.class, type -> Chromium.launch(), Chromium.class);
  }
}
