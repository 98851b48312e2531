package io.airtix.tenants;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(
    packages = "io.airtix.tenants",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("io.airtix.tenants.(*)..").should().beFreeOfCycles();

  /** Keycloak's representations stay inside the directory: the API speaks in its own records. */
  @ArchTest
  static final ArchRule controllersNeverExposeKeycloakRepresentations =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(RestController.class)
          .should()
          .haveRawReturnType(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "an Airtix type", type -> !type.getPackageName().startsWith("org.keycloak")))
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyTheDirectoryAndConfigurationTalkToKeycloak =
      noClasses()
          .that()
          .resideInAnyPackage("io.airtix.tenants.airlines..", "io.airtix.tenants.staff..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.keycloak..");
}
