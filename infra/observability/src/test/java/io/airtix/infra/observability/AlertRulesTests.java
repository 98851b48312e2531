package io.airtix.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under {@code infra/observability} as Prometheus and Alertmanager read them, checked by
 * their own tools (Debian's {@code prometheus} and {@code prometheus-alertmanager}). A machine
 * without them fails here: install them, as {@code .ci/run} does.
 */
class AlertRulesTests {

  private static final Path HOME = Path.of(System.getProperty("user.dir"));
  private static final Path PROMETHEUS = HOME.resolve("prometheus");

  @Test
  void prometheusTakesItsConfigurationAndItsRules() throws Exception {
    assertThat(run(PROMETHEUS, "promtool", "check", "config", "prometheus.yml"))
        .contains("SUCCESS: prometheus.yml is valid");
    assertThat(run(PROMETHEUS, "promtool", "check", "rules", "alerts.yml"))
        .contains("SUCCESS: " + alerts().size() + " rules found");
  }

  @Test
  void everyAlertFiresAndStaysQuietAsItsUnitTestsExpect() throws Exception {
    assertThat(run(PROMETHEUS, "promtool", "test", "rules", "alerts.test.yml")).contains("SUCCESS");
  }

  @Test
  void everyAlertHasAUnitTestWhereItFiresAndOneWhereItDoesNot() throws IOException {
    Set<String> firing = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    for (Map<String, Object> test : list(yaml("alerts.test.yml").get("tests"))) {
      for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
        String alert = (String) check.get("alertname");
        List<Map<String, Object>> expected = list(check.get("exp_alerts"));
        (expected.isEmpty() ? quiet : firing).add(alert);
      }
    }

    assertThat(firing).containsExactlyInAnyOrderElementsOf(alerts());
    assertThat(quiet).containsExactlyInAnyOrderElementsOf(alerts());
  }

  @Test
  void alertmanagerTakesItsConfiguration() throws Exception {
    assertThat(run(HOME.resolve("alertmanager"), "amtool", "check-config", "alertmanager.yml"))
        .contains("SUCCESS");
  }

  private static Set<String> alerts() throws IOException {
    Set<String> alerts = new TreeSet<>();
    for (Map<String, Object> group : list(yaml("alerts.yml").get("groups"))) {
      for (Map<String, Object> rule : list(group.get("rules"))) {
        alerts.add((String) rule.get("alert"));
      }
    }
    return alerts;
  }

  private static Map<String, Object> yaml(String file) throws IOException {
    try (InputStream in = Files.newInputStream(PROMETHEUS.resolve(file))) {
      return new Yaml().load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  /** Runs the tool in {@code directory}; its output, or a failure that says what went wrong. */
  private static String run(Path directory, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(command));
    Process process;
    try {
      process =
          new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
    } catch (IOException missing) {
      throw new IllegalStateException(
          command[0]
              + " is needed by this test and is not on the PATH: install Debian's prometheus and"
              + " prometheus-alertmanager packages",
          missing);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", line).isTrue();
    assertThat(process.exitValue()).as("%s said:%n%s", line, output).isZero();
    return output;
  }
}
