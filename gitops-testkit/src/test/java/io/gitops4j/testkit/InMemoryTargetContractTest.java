package io.gitops4j.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Resource;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.contract.TargetContract;
import java.util.Optional;

class InMemoryTargetContractTest extends TargetContract {

    @Override
    protected Target newTarget() {
        return InMemoryTarget.builder().applyConcurrency(4).build();
    }

    @Override
    protected Optional<Resource> invalidResource() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", "unresolved");
        return Optional.of(Resource.of(body));
    }
}
