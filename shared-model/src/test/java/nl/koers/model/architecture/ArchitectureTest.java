package nl.koers.model.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** shared-model is plain Java, used unchanged by the server and the app. */
@AnalyzeClasses(packages = "nl.koers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noUiServerOrStorageTypes = noClasses().that().resideInAPackage("nl.koers..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.helidon..", "java.sql..", "com.j256..", "org.sqlite..")
            .because("the shared model holds the rules both sides use; transport, UI and storage live in the app and server");

    @ArchTest
    static final ArchRule codeListsStandAlone = noClasses().that().resideInAPackage("nl.koers.model.codes..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.koers.sync..", "nl.koers.model.schema..", "nl.koers.model.rules..")
            .because("code lists are the vocabulary everything else builds on");
}
