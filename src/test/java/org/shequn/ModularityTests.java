package org.shequn;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shequn.shared.files.FileStore;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Fails when a module reaches into another module's internals, depends on a module it does not declare, when a
 * module's controllers and pages do not stand apart in its {@code web} sub-package, when a store is public, or when
 * the module map in docs/modules.md no longer matches the code. {@code -Dshequn.docs.write=true} rewrites that map.
 */
class ModularityTests {

    private static final Path MODULE_DOC = Path.of("docs/modules.md");
    private static final String BEGIN = "<!-- module-map:begin (written by ModularityTests) -->";
    private static final String END = "<!-- module-map:end -->";

    private final ApplicationModules modules = ApplicationModules.of(ShequnApplication.class);

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.shequn");
    /** A module's web sub-package; group 1 is the module. */
    private static final Pattern WEB = Pattern.compile("org\\.shequn\\.([a-z]+)\\.web(\\..+)?");

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

    /**
     * Controllers, REST controllers and controller advice live in their module's {@code web} sub-package; shared's
     * file endpoint stays with the file storage it serves.
     */
    @Test
    void controllersAndPagesStandApartInAWebPackage() {
        classes().that(metaAnnotatedWith(Controller.class).or(metaAnnotatedWith(ControllerAdvice.class)))
                .and().resideOutsideOfPackage("org.shequn.shared.web..")
                .and().doNotHaveFullyQualifiedName("org.shequn.shared.files.FilesController")
                .should().resideInAPackage("org.shequn.*.web..")
                .check(CLASSES);
    }

    /**
     * A web package is a leaf: only its own classes use it. Spring finds the controllers by scanning, so nothing has
     * to name them. {@code shared.web} is the web support every module's pages use, so it is not a leaf.
     */
    @Test
    void nothingOutsideAWebPackageUsesIt() {
        classes().should(new ArchCondition<JavaClass>("use no other package's web classes") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (var dependency : origin.getDirectDependenciesFromSelf()) {
                    var target = webModuleOf(dependency.getTargetClass());
                    if (target != null && !target.equals(webModuleOf(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).check(CLASSES);
    }

    /** The module whose web package holds this class; null outside one (and for shared.web). */
    private static String webModuleOf(JavaClass type) {
        var web = WEB.matcher(type.getBaseComponentType().getPackageName());
        return web.matches() && !web.group(1).equals("shared") ? web.group(1) : null;
    }

    /** Stores are their module's own: use cases are what other packages call. {@link FileStore} is shared's API. */
    @Test
    void storesAreNotPublic() {
        classes().that().haveSimpleNameEndingWith("Store").and().doNotHaveFullyQualifiedName(FileStore.class.getName())
                .should().notBePublic()
                .check(CLASSES);
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
