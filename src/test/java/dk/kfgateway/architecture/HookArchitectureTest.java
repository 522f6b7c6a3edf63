package dk.kfgateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who hooks into HAPI: the write path only through the one pipeline (dk.kfgateway.pipeline), whose order is declared in
 * one place; the capability packages contribute steps and register no write hooks of their own; and interceptors are
 * registered only by the one registrar (fhir.GatewayInterceptors).
 */
class HookArchitectureTest {

  private static final Set<Pointcut> WRITE_PATH = Set.of(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED,
      Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED,
      Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED,
      Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, Pointcut.STORAGE_TRANSACTION_PROCESSED);

  private static JavaClasses gateway;

  @BeforeAll
  static void load() {
    // the gateway's own classes, not the tests (which listen to HAPI themselves), whatever the build directory
    gateway = new ClassFileImporter().withImportOption(location -> !location.contains("/test-classes/"))
        .importPackages("dk.kfgateway");
  }

  @Test
  void onlyThePipelineHooksIntoTheWritePath() {
    methods().that().areAnnotatedWith(Hook.class).and(onTheWritePath())
        .should().beDeclaredInClassesThat().resideInAPackage("dk.kfgateway.pipeline")
        .because("a capability contributes a WriteStep; WriteOrder alone decides when it runs")
        .check(gateway);
  }

  @Test
  void interceptorsAreRegisteredInOnePlaceOnly() {
    noClasses().that().doNotHaveFullyQualifiedName("dk.kfgateway.fhir.GatewayInterceptors")
        .should().callMethod(IInterceptorService.class, "registerInterceptor", Object.class)
        .orShould().callMethod(RestfulServer.class, "registerInterceptor", Object.class)
        .check(gateway);
  }

  private static DescribedPredicate<JavaMethod> onTheWritePath() {
    return DescribedPredicate.describe("hook a write phase",
        method -> WRITE_PATH.contains(method.getAnnotationOfType(Hook.class).value()));
  }
}
