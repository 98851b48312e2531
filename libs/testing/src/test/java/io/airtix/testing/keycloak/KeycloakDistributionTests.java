package io.airtix.testing.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTests {

  @TempDir Path root;

  @Test
  void unpacksIntoTheRepositorysTargetFolderUnderTheDistributionsVersion() {
    KeycloakDistribution distribution =
        new KeycloakDistribution(root, Path.of("keycloak-quarkus-dist-26.7.3.zip"));

    assertThat(distribution.home()).isEqualTo(root.resolve("target/keycloak-test/keycloak-26.7.3"));
    assertThat(distribution.realmFile()).isEqualTo(root.resolve("keycloak/realm-export.json"));
  }

  @Test
  void refusesAFileThatIsNotAKeycloakDistribution() {
    assertThatThrownBy(() -> new KeycloakDistribution(root, Path.of("something-else.zip")))
        .hasMessageContaining("not a Keycloak distribution");
  }

  @Test
  void saysWhatToBuildWhenTheExtensionJarIsMissing() {
    KeycloakDistribution distribution =
        new KeycloakDistribution(root, Path.of("keycloak-quarkus-dist-26.7.3.zip"));

    assertThatThrownBy(distribution::installExtension)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("extension jar is missing")
        .hasMessageContaining("mvn install -pl keycloak/extensions");
  }

  @Test
  void replacesTheInstalledExtensionOnlyWhenItsContentChanged() throws Exception {
    KeycloakDistribution distribution =
        new KeycloakDistribution(root, Path.of("keycloak-quarkus-dist-26.7.3.zip"));
    Path built =
        root.resolve("keycloak/extensions/target/airtix-keycloak-extensions-0.1.0-SNAPSHOT.jar");
    Files.createDirectories(built.getParent());
    Files.writeString(built, "first build");
    Files.writeString(
        built.resolveSibling("airtix-keycloak-extensions-0.1.0-SNAPSHOT-sources.jar"), "sources");

    assertThat(distribution.installExtension()).isTrue();
    assertThat(distribution.installExtension()).isFalse();
    Files.writeString(built, "second build");
    assertThat(distribution.installExtension()).isTrue();

    Path installed = distribution.home().resolve("providers/airtix-keycloak-extensions.jar");
    assertThat(installed).hasContent("second build");
  }

  @Test
  void putsTheRepositorysPasswordListsWhereKeycloakLooksForThem() throws Exception {
    KeycloakDistribution distribution =
        new KeycloakDistribution(root, Path.of("keycloak-quarkus-dist-26.7.3.zip"));
    Path list = root.resolve("keycloak/password-blacklists/common.txt");
    Files.createDirectories(list.getParent());
    Files.writeString(list, "qwerty123456\n");

    distribution.installPasswordBlacklists();

    assertThat(distribution.home().resolve("data/password-blacklists/common.txt"))
        .hasContent("qwerty123456");
  }
}
