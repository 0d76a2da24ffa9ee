package eu.authorityhub.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.enterprise.context.RequestScoped;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import eu.authorityhub.security.Caller;

/** Layer rules the build enforces. */
class ArchitectureTest {

    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("eu.authorityhub");

    @Test
    void resourcesDoNotTouchEmittersOrTheEntityManager() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Resource").should().dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager").orShould().dependOnClassesThat()
                .resideInAnyPackage("org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..",
                        "org.apache.kafka..")
                .because("HTTP resources stay thin: state changes go through a transactional service and the outbox");
        rule.check(HUB);
    }

    @Test
    void onlyTheRelayPublishesToKafka() {
        ArchRule rule = noClasses().that()
                .resideOutsideOfPackages("eu.authorityhub.messaging..", "eu.authorityhub.embedded..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.smallrye.reactive.messaging.MutinyEmitter")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.eclipse.microprofile.reactive.messaging.Emitter")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
                .because("a direct send beside a database write is a dual write; features record to the outbox");
        rule.check(HUB);
    }

    @Test
    void noBareRuntimeExceptions() {
        ArchRule rule = noClasses().should().callConstructor(RuntimeException.class)
                .orShould().callConstructor(RuntimeException.class, String.class)
                .orShould().callConstructor(RuntimeException.class, String.class, Throwable.class)
                .orShould().callConstructor(RuntimeException.class, Throwable.class)
                .because("refusals are HubException with a stable code; failures use a specific type");
        rule.check(HUB);
    }

    @Test
    void featuresDoNotDependOnTheEmbeddedServers() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("eu.authorityhub.embedded..")
                .should().dependOnClassesThat().resideInAPackage("eu.authorityhub.embedded..")
                .because("the embedded default is a dev-mode configuration source (EmbeddedDevServices), absent from"
                        + " the packaged hub; nothing else may reach it");
        rule.check(HUB);
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInACycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("eu.authorityhub.(*)..")
                .should().beFreeOfCycles().because("each feature builds on the ones below it; a cycle makes two"
                        + " features one")
                .check(HUB);
    }

    @Test
    void onlyRequestScopedBeansHoldTheCaller() {
        fields().that().haveRawType(Caller.class).should().beDeclaredInClassesThat()
                .areAnnotatedWith(RequestScoped.class)
                .because("the injected Caller is the caller of one request; a longer-lived bean would keep the first"
                        + " one and act for it on every later request")
                .check(HUB);
    }
}
