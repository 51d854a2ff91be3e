package io.gitops4j.kinds;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in kinds of Kubernetes 1.32, as {@code kubectl api-resources} lists them on a default cluster: every
 * persisted kind of the generally available API groups, with its scope, REST names, the versions it is served at
 * and gitops4j's apply order. Create-only review kinds ({@code TokenReview}, {@code SubjectAccessReview}, ...),
 * {@code Binding} and beta APIs that are off by default are not listed. The one table the manifest loader (a
 * namespace on a cluster-scoped kind), the planner (kind order), the engine (what is applied first), the
 * Kubernetes adapter and the testkit's in-memory target and embedded API server read.
 *
 * <p>Apply order within a wave, lowest first: Namespace; CustomResourceDefinition; ServiceAccount and RBAC;
 * ConfigMap, Secret and storage; Service; workloads; everything else ({@link #UNRANKED}: custom resources,
 * Ingresses, autoscalers, ...). Kinds are matched by group and kind, so a custom {@code Service} in another group
 * is not the core one. Immutable and thread-safe.
 */
public final class BuiltinKinds {
    /** The apply order of kinds without a rank of their own: custom resources and the remaining built-ins. */
    public static final int UNRANKED = 100;

    private static final List<KindInfo> ALL = table();
    /* group -> kind -> info: two lookups, no string built per key. */
    private static final Map<String, Map<String, KindInfo>> BY_GROUP = index(ALL);

    private BuiltinKinds() {
    }

    /**
     * Returns every built-in kind, grouped by API group in the order the API server lists them (core first).
     *
     * @return the kinds
     */
    public static List<KindInfo> all() {
        return ALL;
    }

    /**
     * Finds a built-in kind.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @return the kind's entry, or empty for a kind that is not built in (a custom resource)
     */
    public static Optional<KindInfo> find(String group, String kind) {
        return Optional.ofNullable(lookup(group, kind));
    }

    /**
     * Tells whether a kind is a built-in cluster-scoped one.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @return {@code true} for, e.g., {@code Namespace} or {@code rbac.authorization.k8s.io ClusterRole};
     *     {@code false} for namespaced and for unknown kinds
     */
    public static boolean isClusterScoped(String group, String kind) {
        KindInfo info = lookup(group, kind);
        return info != null && info.scope() == KindScope.CLUSTER;
    }

    /**
     * Returns the apply priority of a kind within one wave, lowest first.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @return the kind's {@link KindInfo#applyOrder()}, or {@link #UNRANKED} for a kind that is not built in
     */
    public static int applyOrder(String group, String kind) {
        KindInfo info = lookup(group, kind);
        return info == null ? UNRANKED : info.applyOrder();
    }

    /**
     * Returns what a kind's objects are to other objects.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @return the kind's {@link KindInfo#role()}, or {@link KindRole#OBJECT} for a kind that is not built in
     */
    public static KindRole roleOf(String group, String kind) {
        KindInfo info = lookup(group, kind);
        return info == null ? KindRole.OBJECT : info.role();
    }

    private static KindInfo lookup(String group, String kind) {
        requireNonNull(group, "group is null");
        requireNonNull(kind, "kind is null");
        Map<String, KindInfo> kinds = BY_GROUP.get(group);
        return kinds == null ? null : kinds.get(kind);
    }

    private static Map<String, Map<String, KindInfo>> index(List<KindInfo> all) {
        Map<String, Map<String, KindInfo>> byGroup = new HashMap<>();
        for (KindInfo info : all) {
            KindInfo previous = byGroup.computeIfAbsent(info.group(), g -> new HashMap<>()).put(info.kind(), info);
            if (previous != null) {
                throw new IllegalStateException("kind listed twice: " + info);
            }
        }
        Map<String, Map<String, KindInfo>> frozen = new HashMap<>();
        byGroup.forEach((group, kinds) -> frozen.put(group, Map.copyOf(kinds)));
        return Map.copyOf(frozen);
    }

    private static List<KindInfo> table() {
        Table t = new Table();
        t.group("", "v1");
        t.namespaced("ConfigMap", "configmaps").order(20).shortNames("cm");
        t.namespaced("Endpoints", "endpoints").shortNames("ep");
        t.namespaced("Event", "events").shortNames("ev");
        t.namespaced("LimitRange", "limitranges").shortNames("limits");
        t.cluster("Namespace", "namespaces").status().order(0).role(KindRole.NAMESPACE).shortNames("ns");
        t.cluster("Node", "nodes").status().shortNames("no");
        t.namespaced("PersistentVolumeClaim", "persistentvolumeclaims").status().order(24).shortNames("pvc");
        t.cluster("PersistentVolume", "persistentvolumes").status().order(23).shortNames("pv");
        t.namespaced("Pod", "pods").status().order(40).shortNames("po").categories("all");
        t.namespaced("PodTemplate", "podtemplates");
        t.namespaced("ReplicationController", "replicationcontrollers").status().order(41).shortNames("rc")
                .categories("all");
        t.namespaced("ResourceQuota", "resourcequotas").status().shortNames("quota");
        t.namespaced("Secret", "secrets").order(21);
        t.namespaced("ServiceAccount", "serviceaccounts").order(10).shortNames("sa");
        t.namespaced("Service", "services").status().order(30).shortNames("svc").categories("all");
        t.cluster("ComponentStatus", "componentstatuses").shortNames("cs");
        t.group("apiregistration.k8s.io", "v1");
        t.cluster("APIService", "apiservices").status().categories("api-extensions");
        t.group("apps", "v1");
        t.namespaced("ControllerRevision", "controllerrevisions");
        t.namespaced("DaemonSet", "daemonsets").status().order(45).shortNames("ds").categories("all");
        t.namespaced("Deployment", "deployments").status().order(43).shortNames("deploy").categories("all");
        t.namespaced("ReplicaSet", "replicasets").status().order(42).shortNames("rs").categories("all");
        t.namespaced("StatefulSet", "statefulsets").status().order(44).shortNames("sts").categories("all");
        t.group("events.k8s.io", "v1");
        t.namespaced("Event", "events").shortNames("ev");
        t.group("autoscaling", "v2", "v1");
        t.namespaced("HorizontalPodAutoscaler", "horizontalpodautoscalers").status().shortNames("hpa")
                .categories("all");
        t.group("batch", "v1");
        t.namespaced("CronJob", "cronjobs").status().order(47).shortNames("cj").categories("all");
        t.namespaced("Job", "jobs").status().order(46).categories("all");
        t.group("certificates.k8s.io", "v1");
        t.cluster("CertificateSigningRequest", "certificatesigningrequests").status().shortNames("csr");
        t.group("networking.k8s.io", "v1");
        t.cluster("IngressClass", "ingressclasses");
        t.namespaced("Ingress", "ingresses").status().shortNames("ing");
        t.namespaced("NetworkPolicy", "networkpolicies").shortNames("netpol");
        t.group("policy", "v1");
        t.namespaced("PodDisruptionBudget", "poddisruptionbudgets").status().shortNames("pdb");
        t.group("rbac.authorization.k8s.io", "v1");
        t.cluster("ClusterRoleBinding", "clusterrolebindings").order(13);
        t.cluster("ClusterRole", "clusterroles").order(11);
        t.namespaced("RoleBinding", "rolebindings").order(14);
        t.namespaced("Role", "roles").order(12);
        t.group("storage.k8s.io", "v1");
        t.cluster("CSIDriver", "csidrivers");
        t.cluster("CSINode", "csinodes");
        t.namespaced("CSIStorageCapacity", "csistoragecapacities");
        t.cluster("StorageClass", "storageclasses").order(22).shortNames("sc");
        t.cluster("VolumeAttachment", "volumeattachments").status();
        t.group("admissionregistration.k8s.io", "v1");
        t.cluster("MutatingWebhookConfiguration", "mutatingwebhookconfigurations").categories("api-extensions");
        t.cluster("ValidatingAdmissionPolicy", "validatingadmissionpolicies").status()
                .categories("api-extensions");
        t.cluster("ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings")
                .categories("api-extensions");
        t.cluster("ValidatingWebhookConfiguration", "validatingwebhookconfigurations")
                .categories("api-extensions");
        t.group("apiextensions.k8s.io", "v1");
        t.cluster("CustomResourceDefinition", "customresourcedefinitions").status().order(1)
                .role(KindRole.DEFINITION).shortNames("crd", "crds").categories("api-extensions");
        t.group("scheduling.k8s.io", "v1");
        t.cluster("PriorityClass", "priorityclasses").shortNames("pc");
        t.group("coordination.k8s.io", "v1");
        t.namespaced("Lease", "leases");
        t.group("node.k8s.io", "v1");
        t.cluster("RuntimeClass", "runtimeclasses");
        t.group("discovery.k8s.io", "v1");
        t.namespaced("EndpointSlice", "endpointslices");
        t.group("flowcontrol.apiserver.k8s.io", "v1");
        t.cluster("FlowSchema", "flowschemas").status();
        t.cluster("PriorityLevelConfiguration", "prioritylevelconfigurations").status();
        return t.build();
    }

    /** Collects the rows of the table; used once, while the class initialises. */
    private static final class Table {
        private final List<Row> rows = new ArrayList<>();
        private String group;
        private List<String> versions;

        void group(String name, String... served) {
            this.group = name;
            this.versions = List.of(served);
        }

        Row namespaced(String kind, String plural) {
            return add(new Row(group, versions, kind, plural, KindScope.NAMESPACED));
        }

        Row cluster(String kind, String plural) {
            return add(new Row(group, versions, kind, plural, KindScope.CLUSTER));
        }

        private Row add(Row row) {
            rows.add(row);
            return row;
        }

        List<KindInfo> build() {
            List<KindInfo> all = new ArrayList<>();
            rows.forEach(row -> all.add(row.info()));
            return List.copyOf(all);
        }
    }

    /** One row of the table being built. */
    private static final class Row {
        private final String group;
        private final List<String> versions;
        private final String kind;
        private final String plural;
        private final KindScope scope;
        private List<String> shortNames = List.of();
        private List<String> categories = List.of();
        private boolean status;
        private int order = UNRANKED;
        private KindRole role = KindRole.OBJECT;

        Row(String group, List<String> versions, String kind, String plural, KindScope scope) {
            this.group = group;
            this.versions = versions;
            this.kind = kind;
            this.plural = plural;
            this.scope = scope;
        }

        Row status() {
            status = true;
            return this;
        }

        Row order(int value) {
            order = value;
            return this;
        }

        Row role(KindRole value) {
            role = value;
            return this;
        }

        Row shortNames(String... names) {
            shortNames = List.of(names);
            return this;
        }

        Row categories(String... names) {
            categories = List.of(names);
            return this;
        }

        KindInfo info() {
            return new KindInfo(group, kind, versions, plural, scope, shortNames, categories, status, order, role);
        }
    }
}
