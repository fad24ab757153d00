package cn.labordispute.it;

/** The case lifecycle on the embedded H2 database. */
class CaseLifecycleIntegrationTests extends CaseLifecycleScenario {
}
