/**
 * gitops4j's core: the model, manifest loading, differ, planner, reconcile engine, continuous loop and the SPIs
 * adapters implement. Every package is API; implementation details are package-private classes inside them.
 * Jackson's tree model is part of the API ({@code Resource} bodies are JSON trees), so a module that reads this one
 * reads Jackson databind as well.
 */
module io.gitops4j.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.google.common;
    requires org.slf4j;
    requires org.yaml.snakeyaml;

    exports io.gitops4j;
    exports io.gitops4j.cluster;
    exports io.gitops4j.diff;
    exports io.gitops4j.health;
    exports io.gitops4j.inventory;
    exports io.gitops4j.kinds;
    exports io.gitops4j.loop;
    exports io.gitops4j.manifest;
    exports io.gitops4j.model;
    exports io.gitops4j.plan;
    exports io.gitops4j.reconcile;
    exports io.gitops4j.render;
    exports io.gitops4j.source;
    exports io.gitops4j.target;
    exports io.gitops4j.window;

    uses io.gitops4j.render.Renderer;
}
