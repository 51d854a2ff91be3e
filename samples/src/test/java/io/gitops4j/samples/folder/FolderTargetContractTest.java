package io.gitops4j.samples.folder;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Resource;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.contract.TargetContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class FolderTargetContractTest extends TargetContract {
    @TempDir
    Path dir;

    @Override
    protected Target newTarget() {
        return new FolderTarget(dir);
    }

    @Override
    protected Optional<Resource> invalidResource() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", "..escape").put("namespace", namespace());
        return Optional.of(Resource.of(body));
    }
}
