package io.airtix.infra.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The charts as far as they can be proven without a cluster: Helm's own libraries lint and render
 * them (the copy in target/, with the repository's policies in it), the Kubernetes schemas accept
 * every object, and what the charts promise about probes, resources, privileges and the network is
 * asserted on what they render.
 */
class HelmChartsTests {

  static final List<String> COMPONENTS =
      List.of(
          "tickets", "orders", "expiration", "payments", "tenants", "live", "gateway", "keycloak");

  /** Scaled by their load: every component but expiration (driven by deadlines) and Keycloak. */
  static final Set<String> AUTOSCALED =
      Set.of("tickets", "orders", "payments", "tenants", "live", "gateway");

  static final Set<String> WITH_POLICIES =
      Set.of("tickets", "orders", "expiration", "payments", "tenants", "live");

  static final Path CHARTS = Path.of(System.getProperty("airtix.helm.charts"));
  static final Path RENDERED = Path.of(System.getProperty("airtix.helm.rendered"));

  static Manifests defaults;
  static Manifests production;

  @BeforeAll
  static void renderTheUmbrella() throws IOException {
    // the components take the library chart in, then the umbrella takes the components in: all from
    // file:// paths, nothing from a repository
    for (String component : COMPONENTS) {
      new Helm(CHARTS.resolve(component)).dependency().update().skipRefresh().call();
    }
    new Helm(CHARTS.resolve("airtix")).dependency().update().skipRefresh().call();
    Files.createDirectories(RENDERED);
    defaults = render("default", CHARTS.resolve("airtix/values.yaml"));
    production = render("production", CHARTS.resolve("airtix/values-production.yaml"));
  }

  static Manifests render(String name, Path values) throws IOException {
    String yaml =
        new Helm(CHARTS.resolve("airtix"))
            .template()
            .withName("airtix")
            .withValuesFile(values)
            .call();
    Files.writeString(RENDERED.resolve(name + ".yaml"), yaml);
    return Manifests.parse(name, yaml, Files.readString(values));
  }

  static Stream<String> charts() {
    return Stream.concat(Stream.of("airtix", "airtix-common"), COMPONENTS.stream());
  }

  static Stream<Manifests> renderings() {
    return Stream.of(defaults, production);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void everyChartLintsStrictly(String chart) {
    LintResult lint = new Helm(CHARTS.resolve(chart)).lint().strict().call();

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void theUmbrellaRendersEveryComponentWithDefaultAndWithProductionValues() {
    for (Manifests manifests : List.of(defaults, production)) {
      assertThat(manifests.ofKind("Deployment"))
          .extracting(Manifests::name)
          .containsExactlyInAnyOrderElementsOf(
              COMPONENTS.stream().map(component -> "airtix-" + component).toList());
    }
  }

  @Test
  void everyRenderedObjectPassesTheKubernetesSchemas() throws Exception {
    List<Path> files =
        new ArrayList<>(
            List.of(RENDERED.resolve("default.yaml"), RENDERED.resolve("production.yaml")));
    // each component installed on its own renders too
    for (String component : COMPONENTS) {
      Path file = RENDERED.resolve(component + ".yaml");
      Files.writeString(
          file, new Helm(CHARTS.resolve(component)).template().withName("airtix").call());
      files.add(file);
    }

    List<String> command = new ArrayList<>(List.of("node", "check.js"));
    files.forEach(file -> command.add(file.toString()));
    Process check =
        new ProcessBuilder(command)
            .directory(Path.of(System.getProperty("airtix.helm.schema-check")).toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains(" 0 invalid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyContainerIsProbedOnItsManagementPortForStartReadinessAndLiveness(Manifests manifests) {
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      Map<String, Object> container = Manifests.container(deployment);
      assertThat(Manifests.<List<Map<String, Object>>>at(container, "ports"))
          .extracting(port -> port.get("name"))
          .as(Manifests.name(deployment))
          .contains("http", "management");
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        assertThat(Manifests.<Object>at(container, probe, "httpGet", "port"))
            .as(Manifests.name(deployment) + " " + probe)
            .isEqualTo("management");
      }
      assertThat(Manifests.<Integer>at(container, "startupProbe", "failureThreshold"))
          .as("a first start with migrations has minutes")
          .isGreaterThanOrEqualTo(30);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyContainerRequestsAndIsLimitedInCpuAndMemory(Manifests manifests) {
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      Map<String, Object> resources = Manifests.at(Manifests.container(deployment), "resources");
      assertThat(Manifests.<Map<String, Object>>at(resources, "requests"))
          .as(Manifests.name(deployment))
          .containsKeys("cpu", "memory");
      assertThat(Manifests.<Map<String, Object>>at(resources, "limits"))
          .as(Manifests.name(deployment))
          .containsKeys("cpu", "memory");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyPodRunsAsNonRootOnAReadOnlyRootWithoutCapabilitiesOrAToken(Manifests manifests) {
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      String name = Manifests.name(deployment);
      Map<String, Object> pod = Manifests.at(deployment, "spec", "template", "spec");
      Map<String, Object> container = Manifests.container(deployment);
      assertThat(Manifests.<Object>at(pod, "securityContext", "runAsNonRoot"))
          .as(name)
          .isEqualTo(true);
      assertThat(Manifests.<Object>at(container, "securityContext", "runAsNonRoot"))
          .as(name)
          .isEqualTo(true);
      assertThat(Manifests.<Object>at(container, "securityContext", "readOnlyRootFilesystem"))
          .as(name)
          .isEqualTo(true);
      assertThat(Manifests.<Object>at(container, "securityContext", "allowPrivilegeEscalation"))
          .as(name)
          .isEqualTo(false);
      assertThat(Manifests.<List<Object>>at(container, "securityContext", "capabilities", "drop"))
          .as(name)
          .containsExactly("ALL");
      assertThat(pod.get("automountServiceAccountToken")).as(name).isEqualTo(false);
      // writable only where it must be, and only for the pod's life
      assertThat(Manifests.<List<Map<String, Object>>>at(container, "volumeMounts"))
          .extracting(mount -> mount.get("mountPath"))
          .as(name)
          .contains("/tmp");
    }
    assertThat(manifests.ofKind("ServiceAccount"))
        .hasSize(COMPONENTS.size())
        .allSatisfy(
            account -> assertThat(account.get("automountServiceAccountToken")).isEqualTo(false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void componentsScaledByTheirLoadHaveAnAutoscalerAndEveryComponentADisruptionBudget(
      Manifests manifests) {
    assertThat(manifests.ofKind("HorizontalPodAutoscaler"))
        .extracting(hpa -> Manifests.<String>at(hpa, "spec", "scaleTargetRef", "name"))
        .containsExactlyInAnyOrderElementsOf(
            AUTOSCALED.stream().map(component -> "airtix-" + component).toList());
    assertThat(manifests.ofKind("PodDisruptionBudget"))
        .extracting(Manifests::name)
        .containsExactlyInAnyOrderElementsOf(
            COMPONENTS.stream().map(component -> "airtix-" + component).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyPodIsCutOffInBothDirectionsButForWhatItsPolicyLists(Manifests manifests) {
    assertThat(manifests.ofKind("NetworkPolicy"))
        .extracting(Manifests::name)
        .containsExactlyInAnyOrderElementsOf(
            COMPONENTS.stream().map(component -> "airtix-" + component).toList());
    for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
      assertThat(Manifests.<List<Object>>at(policy, "spec", "policyTypes"))
          .containsExactlyInAnyOrder("Ingress", "Egress");
      assertThat(Manifests.<Map<String, Object>>at(policy, "spec", "podSelector", "matchLabels"))
          .containsEntry(
              "app.kubernetes.io/name", Manifests.name(policy).substring("airtix-".length()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void onlyTheGatewayAndKeycloakAdmitTheIngressController(Manifests manifests) {
    List<Object> ingressController =
        Manifests.at(manifests.values(), "global", "networkPolicy", "ingressController");
    List<String> admitting =
        manifests.ofKind("NetworkPolicy").stream()
            .filter(
                policy ->
                    Manifests.ingressRules(policy).stream()
                        .anyMatch(
                            rule ->
                                Manifests.peers(rule, "from").stream()
                                    .anyMatch(ingressController::contains)))
            .map(Manifests::name)
            .toList();

    assertThat(admitting).containsExactlyInAnyOrder("airtix-gateway", "airtix-keycloak");
    assertThat(manifests.ofKind("Ingress"))
        .extracting(Manifests::name)
        .containsExactlyInAnyOrder("airtix-gateway", "airtix-keycloak");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void theServicesAdmitOnTheirMainPortOnlyTheGatewayAndWhoCallsThem(Manifests manifests) {
    Map<String, Set<String>> callers =
        Map.of(
            "tickets", Set.of("gateway", "live"),
            "orders", Set.of("gateway"),
            "expiration", Set.of(),
            "payments", Set.of("gateway"),
            "tenants", Set.of("gateway"),
            "live", Set.of("gateway"));
    callers.forEach(
        (service, expected) -> {
          Map<String, Object> policy = manifests.named("NetworkPolicy", "airtix-" + service);
          List<String> sources =
              Manifests.ingressRules(policy).stream()
                  .flatMap(rule -> Manifests.peers(rule, "from").stream())
                  // the release's components; Prometheus comes from a namespace of its own
                  .filter(peer -> !peer.containsKey("namespaceSelector"))
                  .map(Manifests::component)
                  .toList();
          assertThat(sources).as(service).containsExactlyInAnyOrderElementsOf(expected);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void onlyPaymentsReachesOutsideTheClusterAndOnlyOverHttps(Manifests manifests) {
    for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
      for (Map<String, Object> rule : Manifests.egressRules(policy)) {
        List<Map<String, Object>> anywhere =
            Manifests.peers(rule, "to").stream()
                .filter(peer -> peer.get("ipBlock") != null)
                .filter(
                    peer ->
                        Set.of("0.0.0.0/0", "::/0")
                            .contains(Manifests.<String>at(peer, "ipBlock", "cidr")))
                .toList();
        if (anywhere.isEmpty()) {
          continue;
        }
        assertThat(Manifests.name(policy)).isEqualTo("airtix-payments");
        assertThat(Manifests.<List<Map<String, Object>>>at(rule, "ports"))
            .extracting(port -> port.get("port"))
            .containsExactly(443);
        assertThat(anywhere)
            .filteredOn(peer -> "0.0.0.0/0".equals(Manifests.at(peer, "ipBlock", "cidr")))
            .singleElement()
            .satisfies(
                peer ->
                    assertThat(Manifests.<List<Object>>at(peer, "ipBlock", "except"))
                        .contains(
                            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"));
      }
    }
    assertThat(Manifests.egressRules(manifests.named("NetworkPolicy", "airtix-payments")))
        .anySatisfy(
            rule ->
                assertThat(Manifests.peers(rule, "to"))
                    .extracting(peer -> Manifests.<Object>at(peer, "ipBlock", "cidr"))
                    .contains("0.0.0.0/0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void onlyPrometheusAndTheGatewayReachTheManagementPorts(Manifests manifests) {
    List<Object> prometheus =
        Manifests.at(manifests.values(), "global", "networkPolicy", "prometheus");
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      String name = Manifests.name(deployment);
      Object management = Manifests.containerPort(deployment, "management");
      for (Map<String, Object> rule :
          Manifests.ingressRules(manifests.named("NetworkPolicy", name))) {
        List<Object> ports =
            Manifests.<List<Map<String, Object>>>at(rule, "ports").stream()
                .map(port -> port.get("port"))
                .toList();
        if (!ports.contains(management)) {
          continue;
        }
        assertThat(Manifests.peers(rule, "from"))
            .as(name)
            .allSatisfy(
                peer ->
                    assertThat(
                            prometheus.contains(peer)
                                || "gateway".equals(Manifests.component(peer)))
                        .isTrue());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void thePolicyConfigMapsHoldExactlyTheRepositorysPolicies(Manifests manifests)
      throws IOException {
    Path policies = Path.of(System.getProperty("airtix.policies"));
    Map<String, String> expected =
        Map.of(
            "model.conf", Files.readString(policies.resolve("model.conf")),
            "policy.csv", Files.readString(policies.resolve("policy.csv")));

    for (String service : WITH_POLICIES) {
      Map<String, Object> configMap =
          manifests.named("ConfigMap", "airtix-" + service + "-policies");
      assertThat(Manifests.<Map<String, Object>>at(configMap, "data"))
          .as(service)
          .isEqualTo(expected);
      Map<String, Object> container =
          Manifests.container(manifests.named("Deployment", "airtix-" + service));
      assertThat(Manifests.env(container))
          .containsEntry("AIRTIX_POLICIES_MODEL", "file:/etc/airtix/policies/model.conf")
          .containsEntry("AIRTIX_POLICIES_POLICY", "file:/etc/airtix/policies/policy.csv");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void servicesCheckThePublicIssuerButReadTheKeysFromKeycloakInsideTheCluster(Manifests manifests) {
    for (String service : WITH_POLICIES) {
      Map<String, Object> container =
          Manifests.container(manifests.named("Deployment", "airtix-" + service));
      assertThat(Manifests.env(container))
          .as(service)
          .hasEntrySatisfying(
              "AIRTIX_SECURITY_ISSUER_URI",
              issuer ->
                  assertThat((String) issuer).startsWith("https://").endsWith("/realms/airtix"))
          .containsEntry(
              "AIRTIX_SECURITY_JWKSETURI",
              "http://airtix-keycloak:8080/realms/airtix/protocol/openid-connect/certs");
    }
    Map<String, Object> keycloakPolicy = manifests.named("NetworkPolicy", "airtix-keycloak");
    for (String service : Set.of("tickets", "orders", "payments", "tenants", "live")) {
      Map<String, Object> policy = manifests.named("NetworkPolicy", "airtix-" + service);
      assertThat(Manifests.components(Manifests.egressRules(policy), "to"))
          .as("%s reaches Keycloak's pods", service)
          .contains("keycloak");
      assertThat(Manifests.components(Manifests.ingressRules(keycloakPolicy), "from"))
          .as("Keycloak admits %s", service)
          .contains(service);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void keycloakImportsTheRealmWithTheWebAppsAddressAndTheTenantsClientsSecret(Manifests manifests) {
    Map<String, Object> container =
        Manifests.container(manifests.named("Deployment", "airtix-keycloak"));

    assertThat((String) Manifests.env(container).get("AIRTIX_PUBLIC_URL")).startsWith("https://");
    List<Map<String, Object>> env = Manifests.at(container, "env");
    assertThat(env)
        .anySatisfy(
            variable -> {
              assertThat(variable.get("name")).isEqualTo("AIRTIX_TENANTS_KEYCLOAK_CLIENT_SECRET");
              assertThat(Manifests.<String>at(variable, "valueFrom", "secretKeyRef", "key"))
                  .isEqualTo("tenants-client-secret");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void noSecretIsRenderedOnlyNamed(Manifests manifests) {
    assertThat(manifests.ofKind("Secret")).isEmpty();
  }
}
