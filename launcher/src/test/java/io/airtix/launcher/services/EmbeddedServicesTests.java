package io.airtix.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.cloud.bootstrap.LoggingSystemShutdownListener;

class EmbeddedServicesTests {

  @Test
  void servicesSharingTheJvmLeaveTheLoggingSystemSetUpOnce() {
    EmbeddedServices services = new EmbeddedServices(Path.of("data"));

    for (LaunchableService service : LaunchableService.ALL) {
      assertThat(services.standaloneApplication(service).application().getListeners())
          .as("listeners of the %s service", service.serviceName())
          .isNotEmpty()
          .noneMatch(LoggingSystemShutdownListener.class::isInstance);
    }
  }

  @Test
  void springCloudStillTearsLoggingDownInEveryApplicationByDefault() {
    // why the launcher removes it: were this to fail, Spring Cloud no longer does, and the removal
    // can go
    assertThat(new SpringApplication(LaunchableService.GATEWAY.application()).getListeners())
        .anyMatch(LoggingSystemShutdownListener.class::isInstance);
  }
}
