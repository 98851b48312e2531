package io.airtix.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.launcher.LaunchOptions.UsageException;
import io.airtix.launcher.services.LaunchableService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

  @Test
  void runsEverythingWithDemoDataInDataFolderOfWorkingDirectoryByDefault() {
    LaunchOptions options = LaunchOptions.parse();

    assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(options.runsEverything()).isTrue();
    assertThat(options.demoData()).isTrue();
    assertThat(options.help()).isFalse();
  }

  @Test
  void acceptsDataFolderAsSeparateOrJoinedValue() {
    assertThat(LaunchOptions.parse("--data-dir", "/tmp/airtix").dataDir())
        .isEqualTo(Path.of("/tmp/airtix"));
    assertThat(LaunchOptions.parse("--data-dir=/tmp/airtix/../other").dataDir())
        .isEqualTo(Path.of("/tmp/other"));
  }

  @Test
  void runsSingleComponentForDistributedMode() {
    LaunchOptions options = LaunchOptions.parse("--only", "Tickets");

    assertThat(options.only()).isEqualTo("tickets");
    assertThat(options.runsEverything()).isFalse();
  }

  @Test
  void runsOrdersServiceAloneForDistributedMode() {
    assertThat(LaunchOptions.parse("--only", "orders").only()).isEqualTo("orders");
  }

  @Test
  void runsExpirationServiceAloneForDistributedMode() {
    assertThat(LaunchOptions.parse("--only", "expiration").only()).isEqualTo("expiration");
  }

  @Test
  void runsPaymentsServiceAloneForDistributedMode() {
    assertThat(LaunchOptions.parse("--only", "payments").only()).isEqualTo("payments");
  }

  @Test
  void runsLiveServiceAloneForDistributedMode() {
    assertThat(LaunchOptions.parse("--only", "live").only()).isEqualTo("live");
    assertThat(LaunchableService.named("live")).isEqualTo(LaunchableService.LIVE);
  }

  /** Every service the launcher runs can be run alone, as the distributed mode does. */
  @Test
  void runsEveryLaunchableServiceAloneForDistributedMode() {
    for (LaunchableService service : LaunchableService.ALL) {
      assertThat(LaunchOptions.parse("--only", service.serviceName()).only())
          .isEqualTo(service.serviceName());
    }
  }

  @Test
  void runsTheMailCatcherAloneForTheDistributedRunOnOneMachine() {
    assertThat(LaunchOptions.parse("--only", "mail").only()).isEqualTo("mail");
  }

  @Test
  void leavesOutDemoDataOnRequest() {
    assertThat(LaunchOptions.parse("--no-demo-data").demoData()).isFalse();
  }

  @Test
  void recognisesHelp() {
    assertThat(LaunchOptions.parse("--help").help()).isTrue();
    assertThat(LaunchOptions.parse("-h").help()).isTrue();
  }

  @Test
  void rejectsUnknownOptionNamingIt() {
    assertThatThrownBy(() -> LaunchOptions.parse("--port", "9000"))
        .isInstanceOf(UsageException.class)
        .hasMessage("Unknown option --port");
  }

  @Test
  void rejectsOptionMissingItsValue() {
    assertThatThrownBy(() -> LaunchOptions.parse("--data-dir"))
        .hasMessage("--data-dir needs a value");
    assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "--no-demo-data"))
        .hasMessage("--data-dir needs a value");
    assertThatThrownBy(() -> LaunchOptions.parse("--only=")).hasMessage("--only= needs a value");
  }

  @Test
  void rejectsUnknownComponentListingTheKnownOnes() {
    assertThatThrownBy(() -> LaunchOptions.parse("--only", "billing"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(
            "keycloak, tickets, orders, expiration, payments, tenants, live, gateway, mail,"
                + " demo-data, broker-accounts");
  }

  @Test
  void startsAirtixRatherThanPrintingTokenByDefault() {
    assertThat(LaunchOptions.parse().printsToken()).isFalse();
    assertThat(LaunchOptions.parse("--only", "keycloak").printsToken()).isFalse();
  }

  @Test
  void printsTokenForTheUserNamedAfterTokenCommand() {
    LaunchOptions options = LaunchOptions.parse("token", "aerolux-agent");

    assertThat(options.printsToken()).isTrue();
    assertThat(options.tokenFor()).isEqualTo("aerolux-agent");
    assertThat(options.help()).isFalse();
  }

  @Test
  void rejectsTokenCommandWithoutUserName() {
    assertThatThrownBy(() -> LaunchOptions.parse("token"))
        .isInstanceOf(UsageException.class)
        .hasMessage("token needs the user name to log in, e.g. ./airtix token aerolux-agent");
  }

  @Test
  void rejectsTokenCommandWithMoreThanUserName() {
    assertThatThrownBy(() -> LaunchOptions.parse("token", "aerolux-agent", "boreal-agent"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("token takes only a user name");
    assertThatThrownBy(() -> LaunchOptions.parse("token", "--data-dir", "/tmp/airtix"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("token takes only a user name");
  }

  @Test
  void rejectsOptionInPlaceOfUserName() {
    assertThatThrownBy(() -> LaunchOptions.parse("token", "--no-demo-data"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("token takes only a user name");
  }

  @Test
  void rejectsTokenCommandAfterOptionsSayingItComesFirst() {
    assertThatThrownBy(
            () -> LaunchOptions.parse("--data-dir", "/tmp/airtix", "token", "aerolux-agent"))
        .isInstanceOf(UsageException.class)
        .hasMessage("token is a command of its own: ./airtix token <username>");
  }

  @Test
  void showsHelpForTokenCommand() {
    LaunchOptions options = LaunchOptions.parse("token", "--help");

    assertThat(options.help()).isTrue();
    assertThat(options.printsToken()).isFalse();
  }

  @Test
  void usageNamesTokenCommand() {
    assertThat(LaunchOptions.USAGE).contains("./airtix token <username>", "AIRTIX_PASSWORD");
  }

  @Test
  void printsTheOneTimeCodeOfTheUserNamedAfterOtpCommand() {
    LaunchOptions options = LaunchOptions.parse("otp", "aerolux-admin");

    assertThat(options.printsOtp()).isTrue();
    assertThat(options.printsToken()).isFalse();
    assertThat(options.otpFor()).isEqualTo("aerolux-admin");
  }

  @Test
  void rejectsOtpCommandWithoutExactlyOneUserName() {
    assertThatThrownBy(() -> LaunchOptions.parse("otp"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessage("otp needs the user name, e.g. ./airtix otp aerolux-admin");
    assertThatThrownBy(() -> LaunchOptions.parse("otp", "aerolux-admin", "boreal-admin"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessageContaining("otp takes only a user name");
    assertThatThrownBy(() -> LaunchOptions.parse("--no-demo-data", "otp", "aerolux-admin"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessage("otp is a command of its own: ./airtix otp <username>");
  }

  @Test
  void usageNamesOtpCommand() {
    assertThat(LaunchOptions.USAGE).contains("./airtix otp <username>");
  }
}
