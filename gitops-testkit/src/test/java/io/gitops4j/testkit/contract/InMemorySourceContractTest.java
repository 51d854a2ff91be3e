package io.gitops4j.testkit.contract;

import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.testkit.InMemorySource;
import java.util.Map;

class InMemorySourceContractTest extends DesiredStateSourceContract {
    private InMemorySource source;
    private int commits;

    @Override
    protected DesiredStateSource sourceOf(Map<String, String> files) {
        source = InMemorySource.create();
        replaceContent(files);
        return source;
    }

    @Override
    protected void replaceContent(Map<String, String> files) {
        source.commitFiles("r" + ++commits, files);
    }
}
