package eu.authorityhub.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for the subset of Kustomize the project uses:
 * {@code resources} (files and directories), {@code patches} as JSON 6902 operation lists with a kind and name target,
 * and {@code namespace}. A kustomization that uses anything else is refused, so that this rendering and Kustomize's
 * cannot drift apart silently ({@code KubernetesManifestsTest} also compares them where kubectl is installed).
 */
final class Kustomize {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namespace");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path dir) {
        JsonNode k = readOne(dir.resolve("kustomization.yaml"));
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + f + "', which this renderer"
                        + " does not know: extend Kustomize.java (and its comparison with kubectl) first");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            objects.addAll(Files.isDirectory(p) ? render(p) : readAll(p));
        }
        for (JsonNode patch : k.path("patches")) {
            JsonNode target = patch.path("target");
            List<ObjectNode> matched = objects.stream().filter(o -> o.path("kind").asText().equals(target.path(
                    "kind").asText()) && o.path("metadata").path("name").asText().equals(target.path("name")
                            .asText()))
                    .toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("patch " + patch.path("path").asText() + " in " + dir
                        + " matches no object: " + target);
            }
            JsonNode ops = readOne(dir.resolve(patch.path("path").asText()));
            for (ObjectNode o : matched) {
                JsonPatch.apply(o, (ArrayNode) ops);
            }
        }
        if (k.hasNonNull("namespace")) {
            for (ObjectNode o : objects) {
                ((ObjectNode) o.get("metadata")).put("namespace", k.get("namespace").asText());
            }
        }
        return objects;
    }

    static List<ObjectNode> readAll(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<ObjectNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode d = docs.next();
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    out.add((ObjectNode) d);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static JsonNode readOne(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
