package io.gitops4j.diff;

/**
 * Where Kubernetes resource quantities live, so their values compare by quantity ({@code "1000m" == "1"}) only
 * there and strings compare exactly everywhere else.
 *
 * <p>Quantity fields: any key of a map named {@code limits} or {@code requests} inside {@code resources}
 * (containers, PVCs, pod-level resources); any key of {@code spec.hard} (ResourceQuota) and {@code spec.overhead}
 * (Pod, RuntimeClass); the keys of {@code max}, {@code min}, {@code default}, {@code defaultRequest} and
 * {@code maxLimitRequestRatio} inside items of a list named {@code limits} (LimitRange); and any field named
 * {@code sizeLimit} (emptyDir). Stateless.
 */
final class QuantityFields {

    private QuantityFields() {
    }

    /** Tells whether the value at the top of the path is a quantity. */
    static boolean isQuantity(PathStack path) {
        String leaf = path.nameFromTop(0);
        if (leaf == null) {
            return false;
        }
        if (leaf.equals("sizeLimit")) {
            return true;
        }
        String parent = path.nameFromTop(1);
        if (parent == null) {
            return false;
        }
        String grandparent = path.nameFromTop(2);
        switch (parent) {
            case "limits":
            case "requests":
                return "resources".equals(grandparent);
            case "hard":
            case "overhead":
                return "spec".equals(grandparent);
            case "max":
            case "min":
            case "default":
            case "defaultRequest":
            case "maxLimitRequestRatio":
                return grandparent == null && "limits".equals(path.nameFromTop(3));
            default:
                return false;
        }
    }
}
