package io.airtix.testing.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core's WCAG 2.1 A and AA rules (labels, names, contrast, language, landmarks…) run on the
 * page as it is now.
 */
public final class Accessibility {

  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Accessibility() {}

  /** Fails with every violation found, its rule, impact and the elements concerned. */
  public static void assertAccessible(Page page, String name) {
    List<Rule> violations = new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "WCAG 2.1 AA violations on the "
              + name
              + " page:"
              + System.lineSeparator()
              + describe(violations));
    }
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                "- "
                    + rule.getId()
                    + " ("
                    + rule.getImpact()
                    + "): "
                    + rule.getHelp()
                    + " at "
                    + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
