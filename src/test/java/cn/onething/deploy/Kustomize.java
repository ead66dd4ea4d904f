package cn.onething.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The part of kustomize that k8s/ uses, so that the manifests can be checked on a machine without kubectl (and
 * with Debian's kubectl 1.20, whose kustomize v2 predates {@code resources: [../../base]}): {@code resources}
 * (files and folders), {@code namespace}, {@code images} and {@code patches} given as strategic-merge files.
 * Anything else in a kustomization.yaml fails loudly rather than rendering differently from kubectl;
 * KustomizeRenderingTests compares both renderings wherever a kubectl with kustomize v4 or later is installed.
 */
final class Kustomize {

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");
	/** Kinds kustomize knows the schema of: their lists of named items merge by name; a custom resource's are replaced. */
	private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "networking.k8s.io/v1", "policy/v1",
			"autoscaling/v2", "batch/v1", "rbac.authorization.k8s.io/v1");
	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
			"CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");

	private Kustomize() {
	}

	/** The objects {@code kubectl kustomize folder} would print, in the order of the resources. */
	static List<ObjectNode> build(Path folder) {
		JsonNode kustomization = readOne(folder.resolve("kustomization.yaml"));
		kustomization.propertyNames().forEach(field -> {
			if (!FIELDS.contains(field)) {
				throw new IllegalArgumentException(folder + "/kustomization.yaml: '" + field
						+ "' is beyond what these tests render; keep to " + FIELDS);
			}
		});
		List<ObjectNode> objects = new ArrayList<>();
		for (JsonNode resource : kustomization.path("resources")) {
			Path path = folder.resolve(resource.asString()).normalize();
			objects.addAll(Files.isDirectory(path) ? build(path) : readAll(path));
		}
		for (JsonNode patch : kustomization.path("patches")) {
			if (patch.size() != 1 || !patch.has("path")) {
				throw new IllegalArgumentException(folder + "/kustomization.yaml: a patch must be only 'path: file' (a strategic merge patch), was " + patch);
			}
			for (ObjectNode change : readAll(folder.resolve(patch.get("path").asString()))) {
				ObjectNode target = objects.stream().filter(o -> sameObject(o, change)).findFirst()
						.orElseThrow(() -> new IllegalArgumentException(patch + " changes " + id(change) + ", which no resource defines"));
				merge(target, change, BUILT_IN_GROUPS.contains(target.path("apiVersion").asString()));
			}
		}
		for (JsonNode image : kustomization.path("images")) {
			objects.forEach(o -> replaceImages(o, image));
		}
		if (kustomization.has("namespace")) {
			String namespace = kustomization.get("namespace").asString();
			objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asString()))
					.forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", namespace));
		}
		return objects;
	}

	static List<ObjectNode> readAll(Path file) {
		try {
			List<ObjectNode> objects = new ArrayList<>();
			for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll()) {
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					objects.add((ObjectNode) document);
				}
			}
			return objects;
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	static List<ObjectNode> readAll(String yaml) {
		List<ObjectNode> objects = new ArrayList<>();
		for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
			if (document != null && !document.isNull() && !document.isMissingNode()) {
				objects.add((ObjectNode) document);
			}
		}
		return objects;
	}

	private static JsonNode readOne(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new UncheckedIOException(new IOException(file + " is missing"));
		}
		return YAML.readTree(file.toFile());
	}

	/** kind/namespace/name, how kustomize and these tests tell objects apart. */
	static String id(JsonNode object) {
		return object.path("kind").asString() + "/" + object.path("metadata").path("namespace").asString("")
				+ "/" + object.path("metadata").path("name").asString();
	}

	private static boolean sameObject(JsonNode a, JsonNode b) {
		return a.path("apiVersion").equals(b.path("apiVersion")) && a.path("kind").equals(b.path("kind"))
				&& a.path("metadata").path("name").equals(b.path("metadata").path("name"));
	}

	/** Strategic merge, the subset: maps merge, null deletes, lists of named items merge by name in built-in kinds. */
	private static void merge(ObjectNode target, JsonNode patch, boolean builtIn) {
		for (Map.Entry<String, JsonNode> field : patch.properties()) {
			String name = field.getKey();
			JsonNode change = field.getValue();
			if (name.startsWith("$")) {
				throw new IllegalArgumentException("patch directive " + name + " is beyond what these tests render");
			}
			JsonNode current = target.get(name);
			if (change.isNull()) {
				target.remove(name);
			}
			else if (current instanceof ObjectNode currentObject && change.isObject()) {
				merge(currentObject, change, builtIn);
			}
			else if (builtIn && current instanceof ArrayNode currentArray && change.isArray()
					&& allNamed(currentArray) && allNamed(change)) {
				mergeByName(currentArray, change, builtIn);
			}
			else {
				target.set(name, change.deepCopy());
			}
		}
	}

	private static void mergeByName(ArrayNode current, JsonNode change, boolean builtIn) {
		Map<String, ObjectNode> byName = new LinkedHashMap<>();
		current.forEach(item -> byName.put(item.get("name").asString(), (ObjectNode) item));
		for (JsonNode item : change) {
			ObjectNode existing = byName.get(item.get("name").asString());
			if (existing == null) {
				current.add(item.deepCopy());
			}
			else {
				merge(existing, item, builtIn);
			}
		}
	}

	private static boolean allNamed(JsonNode array) {
		if (array.isEmpty()) {
			return false;
		}
		for (JsonNode item : array) {
			if (!item.isObject() || !item.has("name")) {
				return false;
			}
		}
		return true;
	}

	/** The images transformer: every container (and init container) whose image has the entry's name. */
	private static void replaceImages(JsonNode node, JsonNode image) {
		if (node.isObject()) {
			for (String list : List.of("containers", "initContainers")) {
				for (JsonNode container : node.path(list)) {
					String current = container.path("image").asString("");
					if (imageName(current).equals(image.get("name").asString())) {
						((ObjectNode) container).put("image", newImage(current, image));
					}
				}
			}
			node.forEach(child -> replaceImages(child, image));
		}
		else if (node.isArray()) {
			node.forEach(child -> replaceImages(child, image));
		}
	}

	private static String imageName(String image) {
		int at = image.indexOf('@');
		String withoutDigest = at >= 0 ? image.substring(0, at) : image;
		int colon = withoutDigest.lastIndexOf(':');
		return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
	}

	private static String newImage(String current, JsonNode image) {
		String name = image.path("newName").asString(imageName(current));
		if (image.has("digest")) {
			return name + "@" + image.get("digest").asString();
		}
		if (image.has("newTag")) {
			return name + ":" + image.get("newTag").asString();
		}
		return name + current.substring(imageName(current).length());
	}
}
