package cn.onething.deploy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;

/**
 * The settings the application reads: its {@code @ConfigurationProperties} records (onething.catalog.*,
 * onething.wechat.*, ...) and application.yaml. An environment variable in k8s/ that binds to none of them is a
 * typo that would silently leave a default in place (WeChat's dev inbox in production, say).
 */
final class ApplicationSettings {

	private static final Set<String> ONETHING = onethingSettings();

	private ApplicationSettings() {
	}

	/** Whether Spring Boot binds the variable to a known onething.* setting (ONETHING_WECHAT_APP_ID to app-id). */
	static boolean bindsTo(String environmentVariable) {
		return ONETHING.contains(canonical(environmentVariable));
	}

	/** A value from src/main/resources/application.yaml, by its path. */
	static String yaml(String... path) {
		JsonNode node = Kustomize.YAML.readTree(Path.of("src/main/resources/application.yaml").toFile());
		for (String step : path) {
			node = node.path(step);
		}
		if (node.isMissingNode()) {
			throw new AssertionError("application.yaml has no " + String.join(".", path));
		}
		return node.asString();
	}

	private static Set<String> onethingSettings() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true; // records are not components, and that is fine here
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Set<String> settings = new HashSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("cn.onething")) {
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), ApplicationSettings.class.getClassLoader());
			ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
			String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
			if (type.isRecord()) {
				Arrays.stream(type.getRecordComponents()).forEach(c -> settings.add(canonical(prefix + "." + c.getName())));
			}
		}
		// read with @Value rather than a properties record
		settings.add(canonical("onething.calendar.dir"));
		settings.add(canonical("onething.database.embedded-data-dir"));
		return settings;
	}

	/** What relaxed binding compares: ONETHING_WECHAT_APP_ID, onething.wechat.app-id and appId all meet here. */
	private static String canonical(String name) {
		return name.replaceAll("[._-]", "").toLowerCase(Locale.ROOT);
	}
}
