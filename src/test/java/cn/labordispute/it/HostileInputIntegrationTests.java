package cn.labordispute.it;

/** The hostile-input suite on the embedded H2 database. */
class HostileInputIntegrationTests extends HostileInputScenario {
}
