package cn.onething;

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

/** Keeps the module boundaries of docs/architecture.md §3 honest: a forbidden dependency or a cycle fails the build. */
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
