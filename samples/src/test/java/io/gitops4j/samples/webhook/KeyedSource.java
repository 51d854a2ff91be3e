package io.gitops4j.samples.webhook;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;

/** A folder of manifests that reports a Git-style fetch key, so a controller can trigger it by key. */
final class KeyedSource implements DesiredStateSource {
    private final DesiredStateSource folder;
    private final String fetchKey;

    KeyedSource(DesiredStateSource folder, String fetchKey) {
        this.folder = folder;
        this.fetchKey = fetchKey;
    }

    @Override
    public DesiredState load() {
        return folder.load();
    }

    @Override
    public DesiredState load(Revision revision) {
        return folder.load(revision);
    }

    @Override
    public String fetchKey() {
        return fetchKey;
    }

    @Override
    public String describe() {
        return folder.describe();
    }
}
