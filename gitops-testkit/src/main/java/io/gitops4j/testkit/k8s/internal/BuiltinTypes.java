package io.gitops4j.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;

/** The built-in kinds the embedded API server serves from the start. */
final class BuiltinTypes {

    private BuiltinTypes() {
    }

    /** Every built-in type, in discovery order. */
    static List<ResourceType> all() {
        List<ResourceType> types = new ArrayList<>();
        core(types);
        add(types, "apps", "v1", "Deployment", "deployments", true, true, "deploy");
        add(types, "apps", "v1", "StatefulSet", "statefulsets", true, true, "sts");
        add(types, "apps", "v1", "DaemonSet", "daemonsets", true, true, "ds");
        add(types, "apps", "v1", "ReplicaSet", "replicasets", true, true, "rs");
        add(types, "apps", "v1", "ControllerRevision", "controllerrevisions", true, false);
        add(types, "batch", "v1", "Job", "jobs", true, true);
        add(types, "batch", "v1", "CronJob", "cronjobs", true, true, "cj");
        add(types, "autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, true, "hpa");
        String rbac = "rbac.authorization.k8s.io";
        add(types, rbac, "v1", "Role", "roles", true, false);
        add(types, rbac, "v1", "RoleBinding", "rolebindings", true, false);
        add(types, rbac, "v1", "ClusterRole", "clusterroles", false, false);
        add(types, rbac, "v1", "ClusterRoleBinding", "clusterrolebindings", false, false);
        add(types, "networking.k8s.io", "v1", "Ingress", "ingresses", true, true, "ing");
        add(types, "networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, false);
        add(types, "networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, false, "netpol");
        add(types, "policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, true, "pdb");
        add(types, "coordination.k8s.io", "v1", "Lease", "leases", true, false);
        add(types, "storage.k8s.io", "v1", "StorageClass", "storageclasses", false, false, "sc");
        add(types, "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false,
                true, "crd", "crds");
        return List.copyOf(types);
    }

    private static void core(List<ResourceType> types) {
        add(types, "", "v1", "Namespace", "namespaces", false, true, "ns");
        add(types, "", "v1", "ConfigMap", "configmaps", true, false, "cm");
        add(types, "", "v1", "Secret", "secrets", true, false);
        add(types, "", "v1", "Service", "services", true, true, "svc");
        add(types, "", "v1", "ServiceAccount", "serviceaccounts", true, false, "sa");
        add(types, "", "v1", "Pod", "pods", true, true, "po");
        add(types, "", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, true, "pvc");
        add(types, "", "v1", "PersistentVolume", "persistentvolumes", false, true, "pv");
        add(types, "", "v1", "Endpoints", "endpoints", true, false, "ep");
        add(types, "", "v1", "Event", "events", true, false, "ev");
        add(types, "", "v1", "Node", "nodes", false, true, "no");
        add(types, "", "v1", "ResourceQuota", "resourcequotas", true, true, "quota");
        add(types, "", "v1", "LimitRange", "limitranges", true, false, "limits");
        add(types, "", "v1", "ReplicationController", "replicationcontrollers", true, true, "rc");
    }

    private static void add(List<ResourceType> types, String group, String version, String kind, String plural,
            boolean namespaced, boolean status, String... shortNames) {
        types.add(new ResourceType(group, version, kind, plural, namespaced, status, List.of(shortNames), false));
    }
}
