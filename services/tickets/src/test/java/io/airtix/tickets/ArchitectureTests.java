package io.airtix.tickets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(
    packages = "io.airtix.tickets",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("io.airtix.tickets.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule controllersNeverExposeEntities =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(RestController.class)
          .should(notMentionEntitiesInReturnType());

  private static ArchCondition<JavaMethod> notMentionEntitiesInReturnType() {
    return new ArchCondition<>("not return JPA entities, directly or inside generic types") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
          if (type.isAnnotatedWith(Entity.class)) {
            events.add(
                SimpleConditionEvent.violated(
                    method, method.getFullName() + " returns entity " + type.getName()));
          }
        }
      }
    };
  }
}
