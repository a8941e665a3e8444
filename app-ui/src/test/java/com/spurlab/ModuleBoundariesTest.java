package com.spurlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.repository.Repository;

/** The module rules of DESIGN.md and STYLE.md, checked on the compiled classes of every module. */
class ModuleBoundariesTest {

    private static JavaClasses spurlab;

    @BeforeAll
    static void importClasses() {
        spurlab = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.spurlab");
    }

    @Test
    void inferenceKnowsNothingOfSpringJpaOrTheOtherModules() {
        noClasses().that().resideInAPackage("com.spurlab.inference..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "com.spurlab.core..", "com.spurlab.scheduler..", "com.spurlab.ui..",
                        "com.spurlab.api..", "com.spurlab.app..", "com.vaadin..")
                .check(spurlab);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("com.spurlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.spurlab.inference..",
                        "com.spurlab.scheduler..", "com.spurlab.ui..", "com.spurlab.api..", "com.spurlab.app..",
                        "com.vaadin..", "org.quartz..", "ai.djl..")
                .check(spurlab);
    }

    @Test
    void schedulerDoesNotReachIntoTheUi() {
        noClasses().that().resideInAPackage("com.spurlab.scheduler..")
                .should().dependOnClassesThat().resideInAnyPackage("com.spurlab.ui..", "com.spurlab.api..",
                        "com.spurlab.app..", "com.vaadin..")
                .check(spurlab);
    }

    @Test
    void quartzJobsAreThinAdapters() {
        noClasses().that().implement(org.quartz.Job.class)
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "com.spurlab.inference..")
                .check(spurlab);
    }

    @Test
    void onlyServicesTouchRepositories() {
        noClasses().that().resideInAnyPackage("com.spurlab.ui..", "com.spurlab.api..", "com.spurlab.scheduler..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(spurlab);
    }

    @Test
    void oneCompositionRoot() {
        classes().that().areAnnotatedWith(SpringBootApplication.class)
                .should().haveFullyQualifiedName(SpurLabApplication.class.getName())
                .check(spurlab);
    }
}
