package eu.authorityhub.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import eu.authorityhub.messaging.TopicDefinitions;

/**
 * The manifests made from the project's own sources, so that they cannot disagree with them: KafkaTopics from
 * {@code kafka/topics.json} (per overlay: replication differs), KafkaUsers with ACLs from the topics and the consumer
 * groups of {@code application.properties}, and the KeycloakRealmImport from {@code deployment/keycloak/hub-realm.json}
 * (its client secrets become placeholders filled from a Secret, its sample users are left out).
 */
final class GeneratedManifests {

    static final Path KUBERNETES = Path.of("deployment", "kubernetes");
    static final String KAFKA_CLUSTER = "hub-kafka";
    static final String HUB_USER = "hub";
    static final String REALM_SECRETS = "hub-realm-secrets";
    static final String HEADER = "# Generated from the project's sources by KubernetesManifestsTest; do not edit. Regenerate with\n"
            + "#   ./mvnw test -DskipKeycloak -Dtest=KubernetesManifestsTest -Dmanifests.write=true\n";

    private static final YAMLMapper OUT = YAMLMapper.builder().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedManifests() {
    }

    /** Every generated file, by its path under the project. */
    static Map<Path, String> all() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(KUBERNETES.resolve("overlays/production/kafka-topics.yaml"), topics(3, 2));
        files.put(KUBERNETES.resolve("overlays/dev/kafka-topics.yaml"), topics(1, 1));
        files.put(KUBERNETES.resolve("base/kafka-users.yaml"), users());
        files.put(KUBERNETES.resolve("base/keycloak-realm-import.yaml"), realmImport());
        return files;
    }

    static String topics(int replicas, int minInSync) {
        List<JsonNode> docs = new ArrayList<>();
        for (TopicDefinitions.Topic t : TopicDefinitions.load().topics()) {
            ObjectNode o = resource("kafka.strimzi.io/v1beta2", "KafkaTopic", t.name());
            ObjectNode spec = o.putObject("spec");
            spec.put("partitions", t.partitions());
            spec.put("replicas", replicas);
            ObjectNode config = spec.putObject("config");
            t.config().forEach(config::put);
            config.put("min.insync.replicas", Integer.toString(minInSync));
            docs.add(o);
        }
        return HEADER + "# from kafka/topics.json: replication " + replicas + ", min.insync.replicas " + minInSync
                + "\n" + write(docs);
    }

    static String users() {
        List<JsonNode> docs = new ArrayList<>();
        ObjectNode hub = resource("kafka.strimzi.io/v1beta2", "KafkaUser", HUB_USER);
        ArrayNode acls = user(hub);
        TreeSet<String> consumed = new TreeSet<>(HubConsumers.topics());
        for (TopicDefinitions.Topic t : TopicDefinitions.load().topics()) {
            acl(acls, "topic", t.name(), "literal", consumed.contains(t.name())
                    ? List.of("Describe", "Read", "Write")
                    : List.of("Describe", "Write"));
        }
        for (String group : new TreeSet<>(HubConsumers.groups())) {
            acl(acls, "group", group, "literal", List.of("Read"));
        }
        docs.add(hub);
        for (String cc : memberStates()) {
            ObjectNode ms = resource("kafka.strimzi.io/v1beta2", "KafkaUser", "ms-" + cc);
            ArrayNode a = user(ms);
            acl(a, "topic", "hub.ms." + cc, "literal", List.of("Describe", "Read"));
            acl(a, "group", "ms-" + cc + "-", "prefix", List.of("Read"));
            docs.add(ms);
        }
        return HEADER + "# the hub's KafkaUser (its topics and consumer groups exactly) and one per member state's"
                + " national systems\n# (read their hub.ms.<cc> topic only, consumer groups named ms-<cc>-...)\n"
                + write(docs);
    }

    static String realmImport() {
        ObjectNode realm = (ObjectNode) readJson(Path.of("deployment", "keycloak", "hub-realm.json"));
        ObjectNode o = resource("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport", "hub-realm");
        ((ObjectNode) o.get("metadata")).remove("labels");
        ObjectNode spec = o.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("realm", forImport(realm));
        ObjectNode placeholders = spec.putObject("placeholders");
        for (JsonNode c : realm.path("clients")) {
            if (c.hasNonNull("secret")) {
                ObjectNode secret = placeholders.putObject(placeholder(c.path("clientId").asText()))
                        .putObject("secret");
                secret.put("name", REALM_SECRETS);
                secret.put("key", c.path("clientId").asText());
            }
        }
        return HEADER + "# from deployment/keycloak/hub-realm.json: client secrets come from the Secret "
                + REALM_SECRETS + " (one key per client id);\n# the sample users are left out\n" + write(List.of(o));
    }

    /** The realm as imported on Kubernetes: no sample users, every client secret a placeholder. */
    static ObjectNode forImport(ObjectNode realm) {
        ObjectNode r = realm.deepCopy();
        r.remove("users");
        for (JsonNode c : r.path("clients")) {
            if (c.hasNonNull("secret")) {
                ((ObjectNode) c).put("secret", "${" + placeholder(c.path("clientId").asText()) + "}");
            }
        }
        return r;
    }

    static String placeholder(String clientId) {
        return "CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static List<String> memberStates() {
        String pattern = "hub.ms.";
        return TopicDefinitions.load().topics().stream().map(TopicDefinitions.Topic::name)
                .filter(n -> n.startsWith(pattern)).map(n -> n.substring(pattern.length())).toList();
    }

    private static ObjectNode resource(String apiVersion, String kind, String name) {
        ObjectNode o = JSON.createObjectNode();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        ObjectNode metadata = o.putObject("metadata");
        metadata.put("name", name);
        metadata.putObject("labels").put("strimzi.io/cluster", KAFKA_CLUSTER);
        return o;
    }

    private static ArrayNode user(ObjectNode user) {
        ObjectNode spec = user.putObject("spec");
        spec.putObject("authentication").put("type", "scram-sha-512");
        ObjectNode authorization = spec.putObject("authorization");
        authorization.put("type", "simple");
        return authorization.putArray("acls");
    }

    private static void acl(ArrayNode acls, String type, String name, String pattern, List<String> operations) {
        ObjectNode rule = acls.addObject();
        ObjectNode resource = rule.putObject("resource");
        resource.put("type", type);
        resource.put("name", name);
        resource.put("patternType", pattern);
        operations.forEach(rule.putArray("operations")::add);
        rule.put("host", "*");
    }

    private static String write(List<JsonNode> docs) {
        StringBuilder out = new StringBuilder();
        try {
            for (JsonNode d : docs) {
                out.append("---\n").append(OUT.writeValueAsString(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The consumer channels of the packaged hub, from its application.properties. */
    static final class HubConsumers {

        private HubConsumers() {
        }

        static List<String> topics() {
            List<String> out = new ArrayList<>();
            properties().forEach((k, v) -> {
                String key = k.toString();
                if (key.startsWith("mp.messaging.incoming.") && (key.endsWith(".topics") || key.endsWith(".topic"))
                        && key.chars().filter(ch -> ch == '.').count() == 4) {
                    for (String t : v.toString().split(",")) {
                        out.add(t.strip());
                    }
                }
            });
            return out;
        }

        static List<String> groups() {
            List<String> out = new ArrayList<>();
            properties().forEach((k, v) -> {
                if (k.toString().startsWith("mp.messaging.incoming.") && k.toString().endsWith(".group.id")) {
                    out.add(v.toString().strip());
                }
            });
            return out;
        }

        static Properties properties() {
            Properties p = new Properties();
            try (var in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }
    }
}
