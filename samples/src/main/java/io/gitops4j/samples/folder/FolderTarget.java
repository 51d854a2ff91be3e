package io.gitops4j.samples.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.Target;
import io.gitops4j.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Target} that stores each resource as one JSON file under a folder ({@code <kind>/<namespace>/<name>.json})
 * and each application's inventory as {@code .inventory/<application>.json}, its run records as
 * {@code .history/<application>/<n>.json}. An apply replaces the whole document,
 * so fields no longer declared disappear. Writes are atomic (write to a temporary file, then move).
 * Safe for one reconcile at a time.
 */
public final class FolderTarget implements Target, InventoryStore {
    private final ObjectMapper json = new ObjectMapper();
    private final Path root;
    private final FolderHistoryStore history;

    /**
     * Creates a target over a folder, which is created when missing.
     *
     * @param root the folder
     */
    public FolderTarget(Path root) {
        this.root = root;
        this.history = new FolderHistoryStore(root, HistoryStore.DEFAULT_LIMIT);
    }

    @Override
    public LiveState observe(Collection<ResourceKey> keys) {
        List<LiveResource> live = new ArrayList<>();
        for (ResourceKey key : keys) {
            read(key).ifPresent(object -> live.add(LiveResource.of(object, object)));
        }
        return LiveState.of(live);
    }

    @Override
    public ApplyResult apply(Resource resource, ApplyOptions options) {
        Optional<Resource> before = read(resource.key());
        ApplyOutcome outcome = before.isEmpty() ? ApplyOutcome.CREATED
                : before.get().equals(resource) ? ApplyOutcome.UNCHANGED : ApplyOutcome.CONFIGURED;
        if (!options.dryRun() && outcome != ApplyOutcome.UNCHANGED) {
            write(fileOf(resource.key()), resource.tree(), resource.key());
        }
        return new ApplyResult(resource.key(), outcome, resource);
    }

    @Override
    public DeleteResult delete(ResourceKey key, DeleteOptions options) {
        Path file = fileOf(key);
        if (!Files.exists(file)) {
            return new DeleteResult(key, DeleteOutcome.NOT_FOUND);
        }
        try {
            if (!options.dryRun()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new TargetException(key, "cannot delete " + file + ": " + e.getMessage(), e);
        }
        return new DeleteResult(key, DeleteOutcome.DELETED);
    }

    @Override
    public InventoryStore inventoryStore() {
        return this;
    }

    @Override
    public HistoryStore historyStore() {
        return history;
    }

    @Override
    public Optional<Inventory> load(String application) {
        Path file = root.resolve(".inventory").resolve(application + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(file.toFile());
            List<ResourceKey> keys = new ArrayList<>();
            node.path("keys").forEach(key -> keys.add(ResourceKey.parse(key.asText())));
            return Optional.of(Inventory.of(application, new Revision(node.path("revision").asText(),
                    node.path("digest").asText()), keys));
        } catch (IOException e) {
            throw new TargetException(null, "cannot read inventory " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Inventory inventory) {
        ObjectNode node = json.createObjectNode();
        inventory.revision().ifPresent(r -> node.put("revision", r.id()).put("digest", r.digest()));
        inventory.keys().forEach(key -> node.withArray("keys").add(key.toString()));
        write(root.resolve(".inventory").resolve(inventory.application() + ".json"), node, null);
    }

    private Optional<Resource> read(ResourceKey key) {
        Path file = fileOf(key);
        try {
            return Files.exists(file) ? Optional.of(Resource.of(json.readTree(file.toFile()))) : Optional.empty();
        } catch (IOException e) {
            throw new TargetException(key, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Path file, JsonNode content, ResourceKey key) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".write", ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TargetException(key, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private Path fileOf(ResourceKey key) {
        for (String part : List.of(key.group(), key.kind(), key.namespace(), key.name())) {
            if (part.contains("/") || part.contains("\\") || part.startsWith(".")) {
                throw new TargetException(key, "names must not contain '/' or start with '.'; rename the resource");
            }
        }
        String group = key.group().isEmpty() ? "core" : key.group();
        String namespace = key.namespace().isEmpty() ? "_cluster" : key.namespace();
        return root.resolve(group).resolve(key.kind()).resolve(namespace).resolve(key.name() + ".json");
    }
}
