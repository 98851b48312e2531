package io.airtix.live;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.airtix.live", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("io.airtix.live.(*)..").should().beFreeOfCycles();

  /** The protocol's messages are what everything else is made of; they know of nothing else. */
  @ArchTest
  static final ArchRule messagesDependOnNoOtherLivePackage =
      noClasses()
          .that()
          .resideInAPackage("io.airtix.live.message..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.airtix.live..")
                  .and(resideOutsideOfPackage("io.airtix.live.message..")));

  /** Connections, subscriptions and callers are the same whichever transport carries them. */
  @ArchTest
  static final ArchRule onlyTheTransportSpeaksHttp =
      noClasses()
          .that()
          .resideInAPackage("io.airtix.live..")
          .and()
          .resideOutsideOfPackage("io.airtix.live.transport..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework.web..");

  /** Services know each other only through events (libs/events), never each other's code. */
  @ArchTest
  static final ArchRule neverUsesAnotherServicesCode =
      noClasses()
          .that()
          .resideInAPackage("io.airtix.live..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.airtix.orders..",
              "io.airtix.tickets..",
              "io.airtix.payments..",
              "io.airtix.tenants..",
              "io.airtix.expiration..",
              "io.airtix.gateway..");
}
