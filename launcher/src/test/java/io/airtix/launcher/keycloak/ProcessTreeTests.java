package io.airtix.launcher.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTreeTests {

  @Test
  void stopsProcessAndEveryDescendant() throws IOException {
    Process shell = new ProcessBuilder("bash", "-c", "sleep 300 & sleep 300 & wait").start();
    await().atMost(Duration.ofSeconds(10)).until(() -> shell.toHandle().descendants().count() == 2);
    List<ProcessHandle> tree =
        List.of(shell.toHandle().descendants().toArray(ProcessHandle[]::new));

    ProcessTree.stop(shell.toHandle(), Duration.ofSeconds(10));

    assertThat(shell.isAlive()).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void killsProcessThatIgnoresTermination() throws IOException {
    Process stubborn =
        new ProcessBuilder("bash", "-c", "trap '' TERM; while true; do sleep 0.1; done").start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> stubborn.toHandle().descendants().findAny().isPresent());

    ProcessTree.stop(stubborn.toHandle(), Duration.ofMillis(500));

    assertThat(stubborn.isAlive()).isFalse();
  }

  @Test
  void acceptsProcessThatHasEndedAlready() throws Exception {
    Process quick = new ProcessBuilder("true").start();
    quick.waitFor();

    ProcessTree.stop(quick.toHandle(), Duration.ofSeconds(1));

    assertThat(quick.isAlive()).isFalse();
  }
}
