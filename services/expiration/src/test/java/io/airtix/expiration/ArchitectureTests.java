package io.airtix.expiration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(
    packages = "io.airtix.expiration",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("io.airtix.expiration.(*)..").should().beFreeOfCycles();

  /** Services know each other only through events (libs/events), never each other's code. */
  @ArchTest
  static final ArchRule neverUsesAnotherServicesCode =
      noClasses()
          .that()
          .resideInAPackage("io.airtix.expiration..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.airtix.orders..",
              "io.airtix.tickets..",
              "io.airtix.tenants..",
              "io.airtix.gateway..");

  /** Its only HTTP surface is the actuator: deadlines are set and cleared by events alone. */
  @ArchTest
  static final ArchRule hasNoControllers =
      noClasses().should().beAnnotatedWith(RestController.class);
}
