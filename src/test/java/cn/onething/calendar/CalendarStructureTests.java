package cn.onething.calendar;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The calendar is plain Java (docs/architecture.md §3): it may use {@code shared}, the JDK and SnakeYAML, nothing else;
 * only the one class that hands the calendar to Spring may know Spring.
 */
class CalendarStructureTests {

	static final JavaClasses CALENDAR = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.onething.calendar");

	@Test
	void theCalendarDependsOnSharedTheJdkAndSnakeYamlOnly() {
		classes().that().doNotHaveSimpleName("CalendarConfiguration").should().onlyDependOnClassesThat()
				.resideInAnyPackage("cn.onething.calendar..", "cn.onething.shared..", "java..", "org.yaml.snakeyaml..",
						"org.springframework.modulith")
				.check(CALENDAR);
	}
}
