package eu.authorityhub.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import eu.authorityhub.messaging.TopicDefinitions;

/**
 * The Kubernetes manifests, checked offline: both overlays rendered, every object read by its model or validated
 * against its schema, the references between them resolved, and the generated parts (topics, users and their ACLs,
 * the realm import) equal to what the project's sources make of them.
 */
class KubernetesManifestsTest {

    private static final Path K8S = GeneratedManifests.KUBERNETES;
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** Secrets the installer creates before applying (docs/deployment.md names each). */
    private static final Set<String> INSTALLER_SECRETS = Set.of("hub-tls", "keycloak-tls", "hub-db-backup",
            "hub-pages-secrets", "hub-mail", "hub-evidence", GeneratedManifests.REALM_SECRETS);

    private static List<ObjectNode> render(String overlay) {
        return Kustomize.render(K8S.resolve("overlays").resolve(overlay));
    }

    @Test
    void generatedManifestsAreCurrent() throws IOException {
        boolean write = Boolean.getBoolean("manifests.write");
        for (Map.Entry<Path, String> f : GeneratedManifests.all().entrySet()) {
            if (write) {
                Files.writeString(f.getKey(), f.getValue());
            }
            assertThat(Files.readString(f.getKey())).as(f.getKey() + " is stale: regenerate it (see its header)")
                    .isEqualTo(f.getValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectIsReadByItsModelOrValidatedByItsSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ObjectNode o : render(overlay)) {
            String key = ModelCheck.key(o);
            assertThat(names.add(key + "/" + o.path("metadata").path("name").asText())).as("unique " + key).isTrue();
            if (ModelCheck.MODELS.containsKey(key)) {
                problems.addAll(ModelCheck.problems(o));
            } else {
                String file = "kubernetes-schemas/" + key.substring(0, key.indexOf('/')) + "_" + o.path("kind")
                        .asText() + ".json";
                assertThat(getClass().getClassLoader().getResource(file)).as("a schema for " + key).isNotNull();
                JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + file));
                for (ValidationMessage m : schema.validate(o)) {
                    problems.add(key + " " + o.path("metadata").path("name").asText() + ": " + m.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMisspeltFieldIsCaughtByModelAndSchema() {
        ObjectNode deployment = find(render("production"), "Deployment", "hub").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec")).put("automountServiceAcountToken", false);
        assertThat(ModelCheck.problems(deployment)).singleElement().asString().contains("automountServiceAcountToken");
        ObjectNode kafka = find(render("production"), "Kafka", "hub-kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).put("listener", "x");
        assertThat(ModelCheck.problems(kafka)).isNotEmpty();
        ObjectNode cluster = find(render("production"), "Cluster", "hub-db").deepCopy();
        ((ObjectNode) cluster.at("/spec")).put("instance", 3);
        assertThat(SCHEMAS.getSchema(SchemaLocation.of("classpath:kubernetes-schemas/postgresql.cnpg.io_Cluster.json"))
                .validate(cluster)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyReferenceResolves(String overlay) {
        List<ObjectNode> all = render(overlay);
        Set<String> secrets = new TreeSet<>(INSTALLER_SECRETS);
        for (ObjectNode o : all) {
            String name = o.at("/metadata/name").asText();
            switch (o.path("kind").asText()) {
                case "KafkaUser" -> secrets.add(name);
                case "Kafka" -> secrets.add(name + "-cluster-ca-cert");
                case "Cluster" -> {
                    secrets.add(name + "-app");
                    secrets.add(name + "-ca");
                }
                case "Secret" -> secrets.add(name);
                default -> {
                }
            }
        }
        Set<String> configMaps = names(all, "ConfigMap");
        for (ObjectNode o : all) {
            for (JsonNode ref : o.findValues("secretKeyRef")) {
                assertThat(secrets).as("secretKeyRef in " + o.at("/metadata/name")).contains(ref.path("name").asText());
            }
            for (JsonNode ref : o.findValues("secretName")) {
                assertThat(secrets).as("secret in " + o.at("/metadata/name")).contains(ref.asText());
            }
            for (String field : List.of("usernameSecret", "passwordSecret", "accessKeyId", "secretAccessKey")) {
                for (JsonNode ref : o.findValues(field)) {
                    assertThat(secrets).as(field + " in " + o.at("/metadata/name")).contains(ref.path("name")
                            .asText());
                }
            }
            for (JsonNode ref : o.findValues("tlsSecret")) {
                assertThat(secrets).contains(ref.asText());
            }
            for (JsonNode ref : o.findParents("configMap")) {
                assertThat(configMaps).contains(ref.path("configMap").path("name").asText());
            }
        }
        for (ObjectNode p : all.stream().filter(o -> o.path("kind").asText().equals("KeycloakRealmImport")).toList()) {
            p.at("/spec/placeholders").forEach(ph -> assertThat(secrets).contains(ph.at("/secret/name").asText()));
        }

        ObjectNode deployment = find(all, "Deployment", "hub");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        assertThat(matches(deployment.at("/spec/selector/matchLabels"), podLabels)).isTrue();
        ObjectNode service = find(all, "Service", "hub");
        assertThat(matches(service.at("/spec/selector"), podLabels)).as("the Service selects the hub's pods").isTrue();
        Set<String> containerPorts = new HashSet<>();
        deployment.at("/spec/template/spec/containers/0/ports").forEach(p -> containerPorts.add(p.path("name")
                .asText()));
        Set<String> servicePorts = new HashSet<>();
        service.at("/spec/ports").forEach(p -> {
            servicePorts.add(p.path("name").asText());
            assertThat(containerPorts).contains(p.path("targetPort").asText());
        });
        ObjectNode ingress = find(all, "Ingress", "hub");
        for (JsonNode backend : ingress.findValues("service")) {
            assertThat(backend.path("name").asText()).isEqualTo("hub");
            assertThat(servicePorts).contains(backend.at("/port/name").asText());
        }
        assertThat(matches(find(all, "PodDisruptionBudget", "hub").at("/spec/selector/matchLabels"), podLabels))
                .isTrue();
        assertThat(matches(find(all, "NetworkPolicy", "hub").at("/spec/podSelector/matchLabels"), podLabels)).isTrue();
        assertThat(find(all, "HorizontalPodAutoscaler", "hub").at("/spec/scaleTargetRef/name").asText())
                .isEqualTo("hub");
        ObjectNode monitor = find(all, "ServiceMonitor", "hub");
        assertThat(matches(monitor.at("/spec/selector/matchLabels"), service.at("/metadata/labels"))).isTrue();
        monitor.at("/spec/endpoints").forEach(e -> assertThat(servicePorts).contains(e.path("port").asText()));
        for (String pool : List.of("hub-db", "keycloak-db")) {
            assertThat(find(all, "PodMonitor", pool).at("/spec/selector/matchLabels/cnpg.io~1cluster").asText())
                    .isEqualTo(find(all, "Cluster", pool).at("/metadata/name").asText());
        }
        for (ObjectNode o : all) {
            if (o.path("apiVersion").asText().startsWith("kafka.strimzi.io") && !o.path("kind").asText().equals(
                    "Kafka")) {
                assertThat(o.at("/metadata/labels/strimzi.io~1cluster").asText()).as(o.at("/metadata/name")
                        .asText()).isEqualTo(GeneratedManifests.KAFKA_CLUSTER);
            }
            assertThat(o.at("/metadata/namespace").asText()).isEqualTo(overlay.equals("dev")
                    ? "authority-hub-dev"
                    : "authority-hub");
        }
        assertThat(find(all, "Kafka", GeneratedManifests.KAFKA_CLUSTER)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theHubIsPointedAtTheServersTheManifestsCreate(String overlay) throws IOException {
        List<ObjectNode> all = render(overlay);
        Properties settings = new Properties();
        settings.load(new StringReader(find(all, "ConfigMap", "hub-config").at("/data/application.properties")
                .asText()));
        ObjectNode deployment = find(all, "Deployment", "hub");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        // Kafka: the bootstrap service and port of the TLS listener, SCRAM as the listener asks, the cluster CA mounted
        ObjectNode kafka = find(all, "Kafka", GeneratedManifests.KAFKA_CLUSTER);
        JsonNode listener = null;
        for (JsonNode l : kafka.at("/spec/kafka/listeners")) {
            assertThat(l.path("tls").asBoolean()).as("every listener encrypts").isTrue();
            assertThat(l.at("/authentication/type").asText()).as("every listener authenticates").isNotEmpty();
            if (l.path("name").asText().equals("tls")) {
                listener = l;
            }
        }
        assertThat(listener).as("the internal listener the hub uses").isNotNull();
        assertThat(settings.getProperty("kafka.bootstrap.servers")).isEqualTo(GeneratedManifests.KAFKA_CLUSTER
                + "-kafka-bootstrap:" + listener.path("port").asInt());
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(settings.getProperty("kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(settings.getProperty("kafka.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(env(container, "HUB_KAFKA_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo(GeneratedManifests.HUB_USER);
        assertMounted(deployment, settings.getProperty("kafka.ssl.truststore.location"),
                GeneratedManifests.KAFKA_CLUSTER + "-cluster-ca-cert");

        // PostgreSQL: the read-write service and database of the hub's cluster, its CA mounted, its app secret
        ObjectNode db = find(all, "Cluster", "hub-db");
        URI jdbc = URI.create(settings.getProperty("quarkus.datasource.jdbc.url").substring("jdbc:".length()));
        assertThat(jdbc.getHost()).isEqualTo("hub-db-rw");
        assertThat(jdbc.getPort()).isEqualTo(5432);
        assertThat(jdbc.getPath()).isEqualTo("/" + db.at("/spec/bootstrap/initdb/database").asText());
        assertThat(jdbc.getQuery()).contains("sslmode=verify-full");
        String rootCert = jdbc.getQuery().replaceAll(".*sslrootcert=([^&]+).*", "$1");
        assertMounted(deployment, rootCert, "hub-db-ca");
        assertThat(env(container, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("hub-db-app");

        // OIDC: Keycloak's service on its HTTP port, the shipped realm; the issuer is Keycloak's public host name
        ObjectNode keycloak = find(all, "Keycloak", "keycloak");
        String realm = GeneratedManifests.readJson(Path.of("deployment/keycloak/hub-realm.json")).path("realm")
                .asText();
        assertThat(keycloak.at("/spec/http/httpEnabled").asBoolean()).isTrue();
        assertThat(settings.getProperty("quarkus.oidc.auth-server-url"))
                .isEqualTo("http://keycloak-service:8080/realms/"
                        + realm);
        assertThat(env(container, "QUARKUS_OIDC_TOKEN_ISSUER").path("value").asText()).isEqualTo(keycloak.at(
                "/spec/hostname/hostname").asText() + "/realms/" + realm);
        assertThat(find(all, "KeycloakRealmImport", "hub-realm").at("/spec/keycloakCRName").asText()).isEqualTo(
                "keycloak");
        assertThat(keycloak.at("/spec/db/host").asText()).isEqualTo("keycloak-db-rw");
        assertThat(keycloak.at("/spec/db/database").asText()).isEqualTo(find(all, "Cluster", "keycloak-db").at(
                "/spec/bootstrap/initdb/database").asText());

        // probes: the application's health paths on the port it listens on
        Properties app = GeneratedManifests.HubConsumers.properties();
        assertThat(app.stringPropertyNames()).noneMatch(k -> k.equals("quarkus.http.port") || k.equals(
                "quarkus.http.root-path") || k.equals("quarkus.management.enabled")
                || k.equals(
                        "quarkus.smallrye-health.root-path"));
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo(container.at("/ports/0/name")
                    .asText());
        }
        // the NetworkPolicy lets the hub reach exactly those ports
        String egress = find(all, "NetworkPolicy", "hub").at("/spec/egress").toString();
        assertThat(egress).contains("\"port\":" + listener.path("port").asInt(), "\"port\":5432", "\"port\":8080",
                "\"port\":53", "\"port\":443");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theHubRunsHardened(String overlay) {
        ObjectNode deployment = find(render(overlay), "Deployment", "hub");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(pod.path("topologySpreadConstraints")).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        // the hub stops in about 6 s, 10 s under load (docs/performance.md), after a 5 s pre-stop pause
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(5 + 10 + 5);
        for (JsonNode env : container.path("env")) {
            assertThat(env.has("value") && env.path("name").asText().matches(".*(PASSWORD|SECRET|JAAS).*"))
                    .as("no literal secret in " + env.path("name").asText()).isFalse();
        }
        String config = find(render(overlay), "ConfigMap", "hub-config").toString();
        assertThat(config).doesNotContainPattern("(?i)password=[^$]").doesNotContainPattern("(?i)secret=[^$]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void topicsAreThoseOfTopicsJson(String overlay) {
        List<ObjectNode> all = render(overlay);
        Map<String, ObjectNode> topics = new TreeMap<>();
        all.stream().filter(o -> o.path("kind").asText().equals("KafkaTopic")).forEach(t -> topics.put(t.at(
                "/metadata/name").asText(), t));
        List<TopicDefinitions.Topic> defined = TopicDefinitions.load().topics();
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(defined.stream().map(
                TopicDefinitions.Topic::name).toList());
        int brokers = find(all, "KafkaNodePool", "combined").at("/spec/replicas").asInt();
        for (TopicDefinitions.Topic t : defined) {
            ObjectNode k = topics.get(t.name());
            assertThat(k.at("/spec/partitions").asInt()).as(t.name()).isEqualTo(t.partitions());
            Map<String, String> config = new TreeMap<>();
            k.at("/spec/config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            Map<String, String> expected = new TreeMap<>(t.config());
            expected.remove("min.insync.replicas");
            config.remove("min.insync.replicas");
            assertThat(config).as(t.name()).isEqualTo(expected);
            int replicas = k.at("/spec/replicas").asInt();
            int minInSync = Integer.parseInt(k.at("/spec/config/min.insync.replicas").asText());
            assertThat(replicas).isLessThanOrEqualTo(brokers);
            if (overlay.equals("production")) {
                assertThat(replicas).as(t.name()).isEqualTo(3);
                assertThat(minInSync).as(t.name()).isEqualTo(2);
            } else {
                assertThat(minInSync).isLessThanOrEqualTo(replicas);
            }
        }
    }

    @Test
    void kafkaUsersMayDoExactlyWhatTheyNeed() {
        List<ObjectNode> all = render("production");
        Map<String, ObjectNode> users = new LinkedHashMap<>();
        all.stream().filter(o -> o.path("kind").asText().equals("KafkaUser")).forEach(u -> users.put(u.at(
                "/metadata/name").asText(), u));
        List<String> states = GeneratedManifests.memberStates();
        assertThat(states).hasSize(30);
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(concat(List.of(GeneratedManifests.HUB_USER),
                states.stream().map(cc -> "ms-" + cc).toList()));
        for (ObjectNode u : users.values()) {
            assertThat(u.at("/spec/authentication/type").asText()).isIn("scram-sha-512", "tls");
            assertThat(u.at("/spec/authorization/type").asText()).isEqualTo("simple");
            for (JsonNode acl : u.at("/spec/authorization/acls")) {
                assertThat(acl.at("/resource/name").asText()).as("no wildcard").isNotEqualTo("*").isNotEmpty();
                assertThat(acl.at("/resource/type").asText()).isIn("topic", "group");
                assertThat(acl.path("operations").toString()).doesNotContain("All", "Alter", "Delete", "Create",
                        "ClusterAction", "AlterConfigs");
            }
        }
        // a national system: read and describe its own topic, read with its own group prefix; nothing else
        for (String cc : states) {
            Set<String> granted = grants(users.get("ms-" + cc));
            assertThat(granted).as("ms-" + cc).containsExactlyInAnyOrder("topic:literal:hub.ms." + cc + ":Describe",
                    "topic:literal:hub.ms." + cc + ":Read", "group:prefix:ms-" + cc + "-:Read");
        }
        // the hub: every topic of topics.json (write and describe; read the ones it consumes), its consumer groups
        Set<String> expected = new TreeSet<>();
        Set<String> consumed = new HashSet<>(GeneratedManifests.HubConsumers.topics());
        for (TopicDefinitions.Topic t : TopicDefinitions.load().topics()) {
            expected.add("topic:literal:" + t.name() + ":Describe");
            expected.add("topic:literal:" + t.name() + ":Write");
            if (consumed.contains(t.name())) {
                expected.add("topic:literal:" + t.name() + ":Read");
            }
        }
        GeneratedManifests.HubConsumers.groups().forEach(g -> expected.add("group:literal:" + g + ":Read"));
        assertThat(consumed).isNotEmpty();
        assertThat(grants(users.get(GeneratedManifests.HUB_USER))).isEqualTo(expected);
        // no two national users' prefixes overlap, and no prefix covers a hub group
        for (String a : states) {
            for (String b : states) {
                assertThat(a.equals(b) || !("ms-" + b + "-").startsWith("ms-" + a + "-")).isTrue();
            }
            GeneratedManifests.HubConsumers.groups().forEach(g -> assertThat(g).doesNotStartWith("ms-" + a + "-"));
        }
    }

    @Test
    void theRealmImportIsTheShippedRealm() {
        ObjectNode shipped = (ObjectNode) GeneratedManifests.readJson(Path.of("deployment/keycloak/hub-realm.json"));
        ObjectNode imported = (ObjectNode) find(render("production"), "KeycloakRealmImport", "hub-realm").at(
                "/spec/realm");
        // the same realm: everything but the sample users and the client secrets' values
        ObjectNode expected = shipped.deepCopy();
        expected.remove("users");
        ObjectNode actual = imported.deepCopy();
        for (JsonNode c : expected.path("clients")) {
            ((ObjectNode) c).remove("secret");
        }
        for (JsonNode c : actual.path("clients")) {
            if (c.has("secret")) {
                assertThat(c.path("secret").asText()).matches("\\$\\{CLIENT_SECRET_[A-Z0-9_]+}");
            }
            ((ObjectNode) c).remove("secret");
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(imported.toString()).doesNotContain("change-me");
        assertThat(find(render("production"), "KeycloakRealmImport", "hub-realm").at("/spec/placeholders").size())
                .isEqualTo((int) java.util.stream.StreamSupport.stream(shipped.path("clients").spliterator(), false)
                        .filter(c -> c.hasNonNull("secret")).count());
    }

    @Test
    void theDeploymentGuideNamesWhatTheInstallerProvides() throws IOException {
        String guide = Files.readString(Path.of("docs", "deployment.md"));
        for (String secret : INSTALLER_SECRETS) {
            assertThat(guide).as("docs/deployment.md explains the Secret " + secret).contains(secret);
        }
        for (String cc : List.of("pl", "nl")) {
            assertThat(guide).contains("ms-" + cc);
        }
    }

    /** Where kubectl is installed (not on CI for sure), its Kustomize renders exactly what Kustomize.java does. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void kubectlRendersTheSame(String overlay) throws Exception {
        Path kubectl = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d,
                "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed here");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.resolve("overlays").resolve(overlay)
                .toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() == 0, "kubectl kustomize failed: " + new String(p.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8));
        Path rendered = Files.createTempFile("kustomize", ".yaml");
        try {
            Files.write(rendered, out);
            Map<String, JsonNode> theirs = byName(Kustomize.readAll(rendered));
            Map<String, JsonNode> ours = byName(render(overlay));
            assertThat(theirs.keySet()).isEqualTo(ours.keySet());
            ours.forEach((k, v) -> assertThat(normalised(theirs.get(k))).as(k).isEqualTo(normalised(v)));
        } finally {
            Files.delete(rendered);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static ObjectNode find(List<ObjectNode> all, String kind, String name) {
        return all.stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText()
                .equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Set<String> names(List<ObjectNode> all, String kind) {
        Set<String> out = new HashSet<>();
        all.stream().filter(o -> o.path("kind").asText().equals(kind)).forEach(o -> out.add(o.at("/metadata/name")
                .asText()));
        return out;
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var it = selector.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no environment variable " + name);
    }

    private static void assertMounted(ObjectNode deployment, String file, String secret) {
        JsonNode pod = deployment.at("/spec/template/spec");
        String dir = file.substring(0, file.lastIndexOf('/'));
        String item = file.substring(file.lastIndexOf('/') + 1);
        String volume = null;
        for (JsonNode m : pod.at("/containers/0/volumeMounts")) {
            if (m.path("mountPath").asText().equals(dir)) {
                volume = m.path("name").asText();
            }
        }
        assertThat(volume).as("a volume mounted at " + dir).isNotNull();
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                assertThat(v.at("/secret/secretName").asText()).isEqualTo(secret);
                assertThat(v.at("/secret/items").findValuesAsText("path")).contains(item);
                return;
            }
        }
        throw new AssertionError("no volume " + volume);
    }

    private static Set<String> grants(ObjectNode user) {
        Set<String> out = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            for (JsonNode op : acl.path("operations")) {
                out.add(acl.at("/resource/type").asText() + ":" + acl.at("/resource/patternType").asText("literal")
                        + ":" + acl.at("/resource/name").asText() + ":" + op.asText());
            }
        }
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<String, JsonNode> byName(List<ObjectNode> objects) {
        Map<String, JsonNode> out = new TreeMap<>();
        objects.forEach(o -> out.put(ModelCheck.key(o) + "/" + o.at("/metadata/name").asText(), o));
        return out;
    }

    /** Keys sorted and every scalar as text: Kustomize sorts keys and may quote or unquote scalars. */
    private static Object normalised(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), normalised(e.getValue())));
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(e -> out.add(normalised(e)));
            return out;
        }
        return n.asText();
    }
}
