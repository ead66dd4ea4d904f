package cn.onething;

import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module boundaries of docs/architecture.md §3 honest: a forbidden dependency or a cycle fails the build,
 * and so does a module diagram in that document that no longer matches the code.
 */
class ModuleStructureTests {

	static final ApplicationModules MODULES = ApplicationModules.of(OnethingApplication.class);
	static final JavaClasses MAIN = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.onething");

	@Test
	void modulesOnlyUseTheirAllowedDependenciesAndHaveNoCycles() {
		MODULES.verify();
	}

	@Test
	void theModuleDiagramIsWrittenForTheDocs() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	/**
	 * The diagram in docs/architecture.md §3 is the one the code has: a new dependency between modules fails here
	 * until the document shows it. The fresh document is written to target/ to copy over the old one.
	 */
	@Test
	void theArchitectureDocumentShowsTheModuleDependenciesTheCodeHas() throws Exception {
		Path document = Path.of("docs/architecture.md");
		String diagram = ModuleDiagram.of(MODULES);
		if (!diagram.equals(ModuleDiagram.in(document))) {
			Path fresh = Path.of("target/architecture.md");
			Files.createDirectories(fresh.getParent());
			Files.writeString(fresh, ModuleDiagram.replacedIn(document, diagram));
			assertThat(ModuleDiagram.in(document))
					.as("The module diagram in %s is stale (or its markers are missing). The code's diagram is below; "
							+ "%s is the document with it in place: cp %s %s", document, fresh, fresh, document)
					.isEqualTo(diagram);
		}
	}

	@Test
	void onlyTheWechatModuleImportsWxJava() {
		noClasses().that().resideOutsideOfPackage("cn.onething.wechat..")
				.should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "com.github.binarywang..")
				.check(MAIN);
	}

	@Test
	void onlyTheDocumentModuleImportsOpenPdf() {
		noClasses().that().resideOutsideOfPackage("cn.onething.document..")
				.should().dependOnClassesThat().resideInAnyPackage("com.lowagie..", "org.openpdf..")
				.check(MAIN);
	}

	@Test
	void theCaseworkModelIsPlainJava() {
		noClasses().that().resideInAPackage("cn.onething.casework.model..")
				.should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.springframework..", "io.r2dbc..", "reactor..")
						// the package's @NamedInterface marker is documentation, not a framework dependency
						.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.springframework.modulith.."))))
				.check(MAIN);
	}

	@Test
	void mainCodeNeverBlocksAReactiveChain() {
		noClasses().should().callMethod(Mono.class, "block")
				.orShould().callMethod(Mono.class, "block", java.time.Duration.class)
				.orShould().callMethod(Flux.class, "blockFirst")
				.orShould().callMethod(Flux.class, "blockLast")
				.orShould().callMethod(Flux.class, "toIterable")
				.check(MAIN);
	}
}
