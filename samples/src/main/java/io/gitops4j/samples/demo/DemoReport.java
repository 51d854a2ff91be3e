package io.gitops4j.samples.demo;

import java.util.List;

/**
 * What the whole demo did, step by step.
 *
 * @param target a description of where it applied
 * @param source a description of where the desired state came from
 * @param steps the steps in the order they ran
 */
public record DemoReport(String target, String source, List<DemoStep> steps) {

    /** Copies the steps. */
    public DemoReport {
        steps = List.copyOf(steps);
    }
}
