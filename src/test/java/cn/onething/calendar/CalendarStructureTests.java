package cn.onething.calendar;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The calendar is plain Java (docs/architecture.md §3): it may use {@code shared}, the JDK, SnakeYAML and ICU4J
 * (lunar dates), nothing else; only the class that hands the calendar to Spring and the {@code internal} package that
 * shows its warnings (health, metrics, the staff console) may know Spring.
 */
class CalendarStructureTests {

	static final JavaClasses CALENDAR = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.onething.calendar");

	@Test
	void theCalendarDependsOnSharedTheJdkSnakeYamlAndIcuOnly() {
		classes().that().doNotHaveSimpleName("CalendarConfiguration").and().resideOutsideOfPackage("cn.onething.calendar.internal..")
				.should().onlyDependOnClassesThat()
				.resideInAnyPackage("cn.onething.calendar..", "cn.onething.shared..", "java..", "org.yaml.snakeyaml..",
						"com.ibm.icu.util..", "org.springframework.modulith")
				.check(CALENDAR);
	}
}
