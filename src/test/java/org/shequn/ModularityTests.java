package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Fails when a module reaches into another module's internals, depends on a module it does not declare, or when
 * the module map in docs/modules.md no longer matches the code. {@code -Dshequn.docs.write=true} rewrites that map.
 */
class ModularityTests {

    private static final Path MODULE_DOC = Path.of("docs/modules.md");
    private static final String BEGIN = "<!-- module-map:begin (written by ModularityTests) -->";
    private static final String END = "<!-- module-map:end -->";

    private final ApplicationModules modules = ApplicationModules.of(ShequnApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /** Without a declared list every dependency is allowed, so the picture would only be typed by hand. */
    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        modules.forEach(module -> {
            ApplicationModule declared;
            try {
                declared = Class.forName(module.getBasePackage().getName() + ".package-info")
                        .getAnnotation(ApplicationModule.class);
            } catch (ClassNotFoundException e) {
                declared = null;
            }
            assertThat(declared).as(module.getIdentifier() + " has no @ApplicationModule").isNotNull();
            if (declared.type() != ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies()).as(module.getIdentifier() + " declares allowedDependencies")
                        .doesNotContain(ApplicationModule.OPEN_TOKEN);
            }
        });
    }

    @Test
    void theModuleMapInTheDocsIsTheCodes() throws IOException {
        var doc = Files.readString(MODULE_DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/modules.md has the module-map markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        var written = doc.substring(begin + BEGIN.length(), end);
        var actual = "\n" + moduleMap() + "\n";
        if (Boolean.getBoolean("shequn.docs.write")) {
            Files.writeString(MODULE_DOC, doc.substring(0, begin + BEGIN.length()) + actual + doc.substring(end));
            return;
        }
        assertThat(written).as("docs/modules.md's module map (run ModularityTests with -Dshequn.docs.write=true)")
                .isEqualTo(actual);
    }

    /** Who depends on whom, as a Mermaid graph GitHub draws; every module may use shared, so it is left out. */
    private String moduleMap() {
        var edges = new TreeSet<String>();
        var drawn = new TreeSet<String>();
        var all = new TreeSet<String>();
        modules.forEach(module -> {
            var id = module.getIdentifier().toString();
            if (id.equals("shared")) {
                return;
            }
            all.add(id);
            module.getDirectDependencies(modules).uniqueModules().map(t -> t.getIdentifier().toString())
                    .filter(target -> !target.equals("shared")).forEach(target -> {
                        edges.add("    " + id + " --> " + target);
                        drawn.add(id);
                        drawn.add(target);
                    });
        });
        all.removeAll(drawn);
        var lines = new ArrayList<>(edges);
        all.forEach(alone -> lines.add("    " + alone));
        return "```mermaid\ngraph LR\n" + String.join("\n", lines) + "\n```";
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
