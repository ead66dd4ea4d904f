package cn.onething.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The manifests under k8s/, rendered per overlay, and kubectl when one that renders them is installed. */
final class Manifests {

	static final Path K8S = Path.of("k8s");
	static final List<String> OVERLAYS = List.of("staging", "production");

	private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();
	private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)");

	private Manifests() {
	}

	static Path overlay(String name) {
		return K8S.resolve("overlays").resolve(name);
	}

	/** The overlay as kubectl kustomize renders it (by the Java subset; KustomizeRenderingTests holds them equal). */
	static List<ObjectNode> render(String overlay) {
		return render(overlay(overlay));
	}

	static List<ObjectNode> render(Path folder) {
		// each test gets its own copy: some tests change objects to see a check fail
		return RENDERED.computeIfAbsent(folder, Kustomize::build).stream().map(ObjectNode::deepCopy).toList();
	}

	static List<ObjectNode> all(List<ObjectNode> objects, String kind) {
		return objects.stream().filter(o -> o.path("kind").asString().equals(kind)).toList();
	}

	static ObjectNode one(List<ObjectNode> objects, String kind) {
		List<ObjectNode> found = all(objects, kind);
		if (found.size() != 1) {
			throw new AssertionError("expected one " + kind + ", found " + found.size());
		}
		return found.get(0);
	}

	static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
		return all(objects, kind).stream().filter(o -> o.path("metadata").path("name").asString().equals(name))
				.findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
	}

	/** Every YAML file under k8s/, rendered or not. */
	static List<Path> yamlFiles() {
		try (Stream<Path> files = Files.walk(K8S)) {
			return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException e) {
			throw new AssertionError("cannot list " + K8S, e);
		}
	}

	static String readme() {
		try {
			return Files.readString(K8S.resolve("README.md"), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new AssertionError("k8s/README.md is missing", e);
		}
	}

	/**
	 * kubectl's own rendering, when the kubectl on PATH has kustomize v4 or later. Debian 12's kubectl (1.20) carries
	 * kustomize v2, which cannot read {@code resources: [../../base]}: there the Java subset renders alone.
	 */
	static Optional<List<ObjectNode>> renderWithKubectl(Path folder) {
		if (kubectlKustomizeMajor() < 4) {
			return Optional.empty();
		}
		return Optional.of(Kustomize.readAll(run("kubectl", "kustomize", folder.toString())));
	}

	static int kubectlKustomizeMajor() {
		String version;
		try {
			version = run("kubectl", "version", "--client");
		}
		catch (AssertionError | RuntimeException e) {
			return 0;
		}
		Matcher matcher = KUSTOMIZE_VERSION.matcher(version);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new AssertionError(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(command[0] + " is not installed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A text field of a JSON tree by path ("spec", "template", ...), or "" when absent. */
	static String text(JsonNode node, String... path) {
		JsonNode current = node;
		for (String step : path) {
			current = current.path(step);
		}
		return current.asString("");
	}
}
