package dev.baton;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Features depend one way, from the entry points down to the platform, so each can be read, changed
 * and tested with only what lies below it in mind. A feature that must react to a change in one
 * below it observes a CDI event fired there; it is never called back.
 */
@AnalyzeClasses(packages = "dev.baton", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCycleBetweenFeatures = slices().matching("dev.baton.(*)..").should().beFreeOfCycles();

    /**
     * admin, ops, ui and the launcher on top; then demo mode; the transfer flow; sessions; devices
     * and prohibitions; the audit trail and the device event streams; security events; the platform.
     */
    @ArchTest
    static final ArchRule featuresDependDownwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry").definedBy("dev.baton.admin..", "dev.baton.ops..", "dev.baton.ui..", "dev.baton.launch..")
            .layer("Demo").definedBy("dev.baton.demo..")
            .layer("Transfer").definedBy("dev.baton.transfer..")
            .layer("Session").definedBy("dev.baton.session..")
            .layer("Device").definedBy("dev.baton.device..")
            .layer("Prohibition").definedBy("dev.baton.prohibition..")
            .layer("Audit").definedBy("dev.baton.audit..")
            .layer("Events").definedBy("dev.baton.events..")
            .layer("SecurityEvents").definedBy("dev.baton.secevent..")
            .layer("Platform").definedBy("dev.baton.platform..")
            .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("Demo").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Transfer").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Session").mayOnlyBeAccessedByLayers("Entry", "Transfer")
            .whereLayer("Device").mayOnlyBeAccessedByLayers("Entry", "Transfer", "Session")
            .whereLayer("Prohibition").mayOnlyBeAccessedByLayers("Entry", "Transfer", "Session")
            .whereLayer("Audit").mayOnlyBeAccessedByLayers("Entry", "Transfer", "Session", "Device", "Prohibition")
            .whereLayer("Events").mayOnlyBeAccessedByLayers("Entry", "Transfer", "Session", "Device", "Prohibition")
            .whereLayer("SecurityEvents")
            .mayOnlyBeAccessedByLayers("Entry", "Transfer", "Session", "Device", "Prohibition", "Audit")
            .whereLayer("Platform").mayOnlyBeAccessedByLayers("Entry", "Demo", "Transfer", "Session", "Device",
                    "Prohibition", "Audit", "Events", "SecurityEvents");
}
