package io.qorgan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.policy.PolicySet;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/kubernetes} against the Kubernetes API's own types (fabric8's model classes), with any field those
 * types do not know failing; then against the gateway configuration its ConfigMap carries: probes, ports, mounted
 * paths, secrets and the policies, loaded as the pod would load them.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("..", "deploy", "kubernetes");

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class,
            "Service", Service.class,
            "Deployment", Deployment.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "ServiceMonitor", ServiceMonitor.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final List<HasMetadata> RESOURCES = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                for (JsonNode doc : YAML
                        .readerFor(JsonNode.class)
                        .readValues(Files.readString(file, StandardCharsets.UTF_8))
                        .readAll()
                        .stream()
                        .map(JsonNode.class::cast)
                        .toList()) {
                    Class<? extends HasMetadata> type =
                            KINDS.get(doc.path("kind").asText());
                    assertThat(type).as(file + ": kind " + doc.path("kind")).isNotNull();
                    RESOURCES.add(JSON.treeToValue(doc, type));
                }
            }
        }
    }

    @Test
    void manifests_bindToTheKubernetesTypes_withoutUnknownFields() {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata r : RESOURCES) {
            unknownFields(r, r.getKind() + "/" + r.getMetadata().getName(), unknown);
        }
        assertThat(unknown).isEmpty();
        assertThat(RESOURCES.stream().map(HasMetadata::getKind).distinct())
                .containsExactlyInAnyOrderElementsOf(KINDS.keySet());
    }

    @Test
    void unknownFields_aMisspeltField_isFound() throws IOException {
        Deployment typo = JSON.treeToValue(
                YAML.readTree("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replica: 2}\n"),
                Deployment.class);
        List<String> unknown = new ArrayList<>();

        unknownFields(typo, "Deployment/x", unknown);

        assertThat(unknown).containsExactly("Deployment/x.spec: unknown field(s) [replica]");
    }

    @Test
    void kustomization_listsEveryManifest() throws IOException {
        JsonNode k = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        k.path("resources").forEach(n -> listed.add(n.asText()));
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(listed)
                    .containsExactlyInAnyOrderElementsOf(
                            files.map(f -> f.getFileName().toString())
                                    .filter(n -> !n.equals("kustomization.yaml"))
                                    .toList());
        }
    }

    @Test
    void deployment_matchesTheGatewayConfigurationItMounts(@TempDir Path pod) throws IOException {
        Deployment deployment = one(Deployment.class);
        PodSpec spec = deployment.getSpec().getTemplate().getSpec();
        Container container = spec.getContainers().get(0);

        // The pod's files, as the kubelet lays them out: each volume's keys under its mount path.
        Map<String, Path> mounts = new HashMap<>();
        for (VolumeMount m : container.getVolumeMounts()) {
            Volume volume = spec.getVolumes().stream()
                    .filter(v -> v.getName().equals(m.getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no volume " + m.getName()));
            Path at = pod.resolve(m.getMountPath().substring(1));
            Files.createDirectories(at);
            mounts.put(m.getMountPath(), at);
            Map<String, String> data = new HashMap<>();
            if (volume.getConfigMap() != null) {
                data = configMap(volume.getConfigMap().getName()).getData();
            } else if (volume.getSecret() != null) {
                data = secret(volume.getSecret().getSecretName()).getStringData();
            } else {
                assertThat(volume.getEmptyDir()).as("volume " + m.getName()).isNotNull();
            }
            for (Map.Entry<String, String> e : data.entrySet()) {
                Files.writeString(at.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }

        List<String> args = container.getArgs();
        assertThat(args).hasSize(3).startsWith("serve", "--config");
        Path configFile = inPod(args.get(2), mounts);
        assertThat(configFile)
                .as("--config " + args.get(2) + " in a mounted ConfigMap")
                .exists();
        String text = Files.readString(configFile, StandardCharsets.UTF_8);
        // Paths in the configuration that lie on a mounted volume now point into the test's folder, in one pass.
        Matcher onVolume = Pattern.compile("(?<=[\\s:])("
                        + String.join(
                                "|",
                                mounts.keySet().stream().map(Pattern::quote).toList()) + ")(?=/|\\s|$)")
                .matcher(text);
        StringBuilder rewritten = new StringBuilder();
        while (onVolume.find()) {
            onVolume.appendReplacement(
                    rewritten,
                    Matcher.quoteReplacement(mounts.get(onVolume.group(1)).toString()));
        }
        text = onVolume.appendTail(rewritten).toString();
        // Loads as the pod loads it: TLS files, identity store and policy directory exist at the paths it names.
        GatewayConfig config = ConfigLoader.parse(configFile.toString(), text);
        PolicySet policies =
                PolicySet.load(config.policies().directory(), config.upstreams().keySet());
        assertThat(policies.agencies()).isNotEmpty();
        assertThat(config.identity().store()).exists();
        assertThat(config.listeners().traffic().tlsEnabled()).isTrue();

        assertThat(config.listeners().traffic().host()).isEqualTo("0.0.0.0");
        assertThat(config.listeners().admin().host()).isEqualTo("0.0.0.0");
        assertThat(port(container, "traffic").getContainerPort())
                .isEqualTo(config.listeners().traffic().port());
        assertThat(port(container, "admin").getContainerPort())
                .isEqualTo(config.listeners().admin().port());
        assertProbe(container.getReadinessProbe().getHttpGet(), "/readyz", container, config);
        assertProbe(container.getLivenessProbe().getHttpGet(), "/healthz", container, config);
        assertProbe(container.getStartupProbe().getHttpGet(), "/healthz", container, config);

        // Secrets the configuration reads from the environment (env:NAME) come from the pod's Secret.
        Matcher envRef = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        while (envRef.find()) {
            String name = envRef.group(1);
            EnvVar env = container.getEnv().stream()
                    .filter(e -> e.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the container has no env " + name));
            String key = env.getValueFrom().getSecretKeyRef().getKey();
            assertThat(secret(env.getValueFrom().getSecretKeyRef().getName()).getStringData())
                    .containsKey(key);
        }

        // Draining ends before the kubelet kills; nothing writes to the read-only root but /tmp.
        assertThat(spec.getTerminationGracePeriodSeconds())
                .isGreaterThan(config.limits().shutdownGrace().toSeconds());
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(mounts).containsKey("/tmp");
    }

    @Test
    void servicesBudgetScalerAndMonitor_pointAtTheDeploymentsPods() {
        Deployment deployment = one(Deployment.class);
        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(podLabels)
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

        List<Service> services = all(Service.class);
        assertThat(services).hasSizeGreaterThanOrEqualTo(1);
        for (Service s : services) {
            assertThat(podLabels)
                    .as(s.getMetadata().getName())
                    .containsAllEntriesOf(s.getSpec().getSelector());
            for (ServicePort p : s.getSpec().getPorts()) {
                port(container, p.getTargetPort().getStrVal());
            }
        }

        PodDisruptionBudget pdb = one(PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);

        ServiceMonitor monitor = one(ServiceMonitor.class);
        Map<String, String> wanted = monitor.getSpec().getSelector().getMatchLabels();
        Service scraped = services.stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(wanted.entrySet()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service labelled " + wanted));
        var endpoint = monitor.getSpec().getEndpoints().get(0);
        assertThat(endpoint.getPath()).isEqualTo("/metrics");
        ServicePort metricsPort = scraped.getSpec().getPorts().stream()
                .filter(p -> p.getName().equals(endpoint.getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the monitored Service has no port " + endpoint.getPort()));
        assertThat(metricsPort.getTargetPort().getStrVal()).isEqualTo("admin");
    }

    private static void assertProbe(HTTPGetAction get, String path, Container container, GatewayConfig config) {
        assertThat(get.getPath()).isEqualTo(path);
        assertThat(port(container, get.getPort().getStrVal()).getContainerPort())
                .as(path + " on the admin listener")
                .isEqualTo(config.listeners().admin().port());
    }

    private static ContainerPort port(Container container, String name) {
        return container.getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the container has no port named " + name));
    }

    private static Path inPod(String path, Map<String, Path> mounts) {
        for (Map.Entry<String, Path> m : mounts.entrySet()) {
            if (path.startsWith(m.getKey() + "/")) {
                return m.getValue().resolve(path.substring(m.getKey().length() + 1));
            }
        }
        throw new AssertionError(path + " is on no mounted volume");
    }

    private static ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static Secret secret(String name) {
        return all(Secret.class).stream()
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name));
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /**
     * The model classes keep fields they do not know in {@code additionalProperties} instead of failing: a misspelt
     * field would bind silently. This walks the bound objects and reports each non-empty one.
     */
    static void unknownFields(Object o, String path, List<String> problems) {
        if (o == null
                || o instanceof String
                || o instanceof Number
                || o instanceof Boolean
                || o.getClass().isEnum()) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object v : c) {
                unknownFields(v, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(path + "." + m.getName(), e);
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) "
                            + new TreeSet<>(extra.keySet().stream()
                                    .map(Object::toString)
                                    .toList()));
                }
                continue;
            }
            String field = m.getName().substring(3);
            unknownFields(
                    value, path + "." + field.substring(0, 1).toLowerCase(Locale.ROOT) + field.substring(1), problems);
        }
    }
}
