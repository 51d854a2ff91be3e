package io.gitops4j.reconcile;

import io.gitops4j.diff.StateDiffer;
import io.gitops4j.plan.Planner;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
import java.time.Clock;
import java.time.Duration;

/** The collaborators of an engine, shared by its runs, and its memory of the last run. */
record EngineContext(String application, DesiredStateSource source, Target target, StateDiffer differ,
        Planner planner, ReconcileListener listener, Clock clock, Sleeper sleeper, Duration healthPollInterval,
        RunMemo memo, RunFence fence) {
}
