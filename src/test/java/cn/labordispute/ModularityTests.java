package cn.labordispute;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are modules: no cycles between them, and each uses only what another exposes. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesHaveNoCyclesAndRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
