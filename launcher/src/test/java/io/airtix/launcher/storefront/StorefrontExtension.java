package io.airtix.launcher.storefront;

import io.airtix.testing.browser.Chromium;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the storefront tests one running Airtix and one Chromium, started by the first test that
 * asks and stopped when the suite's class is done with all its apps: the next suite of the JVM (the
 * launcher's own) needs the standalone ports free.
 */
final class StorefrontExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RunningAirtix.class || type == Chromium.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store suite = suiteOf(context).getStore(ExtensionContext.Namespace.GLOBAL);
    if (parameter.getParameter().getType() == RunningAirtix.class) {
      return suite.computeIfAbsent(
          RunningAirtix.class, type -> RunningAirtix.start(), RunningAirtix.class);
    }
    return suite.computeIfAbsent(Chromium.class, type -> Chromium.launch(), Chromium.class);
  }

  /** The context of the test class itself, above the invocation for each app. */
  private static ExtensionContext suiteOf(ExtensionContext context) {
    ExtensionContext suite = context;
    while (suite.getParent().filter(parent -> parent != context.getRoot()).isPresent()) {
      suite = suite.getParent().get();
    }
    return suite;
  }
}
