package io.gitops4j.samples.folder;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.TargetException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The run records of a {@link FolderTarget}, beside its inventories: one JSON file of the record's
 * {@linkplain RunRecord#toFields() fields} per run, {@code .history/<application>/<sequence>.json}, at most
 * {@value HistoryStore#DEFAULT_LIMIT} per application (the target's). A record is written to a temporary file and linked to its
 * numbered name, which fails when the name is taken (a move would replace it), so two writers never share a
 * number. Thread-safe.
 */
final class FolderHistoryStore implements HistoryStore {
    private final ObjectMapper json = new ObjectMapper();
    private final Path root;
    private final int limit;

    FolderHistoryStore(Path root, int limit) {
        this.root = requireNonNull(root, "root is null").resolve(".history");
        this.limit = limit;
    }

    @Override
    public RunRecord record(RunRecord record) {
        Path folder = root.resolve(record.application());
        try {
            Files.createDirectories(folder);
            while (true) {
                List<RunRecord> existing = list(record.application());
                long next = existing.isEmpty() ? 1 : existing.get(0).sequence() + 1;
                RunRecord stored = record.newBuilder().sequence(next).build();
                Path temporary = Files.createTempFile(folder, ".write", ".tmp");
                json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), stored.toFields());
                try {
                    Files.createLink(folder.resolve(next + ".json"), temporary);
                } catch (FileAlreadyExistsException e) {
                    continue;
                } finally {
                    Files.deleteIfExists(temporary);
                }
                for (RunRecord old : existing.subList(Math.min(limit - 1, existing.size()), existing.size())) {
                    Files.deleteIfExists(folder.resolve(old.sequence() + ".json"));
                }
                return stored;
            }
        } catch (IOException e) {
            throw new TargetException(null, "cannot record a run of " + record.application() + " in " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<RunRecord> list(String application) {
        Path folder = root.resolve(requireNonNull(application, "application is null"));
        List<RunRecord> records = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "[0-9]*.json")) {
            for (Path file : files) {
                records.add(RunRecord.fromFields(json.readValue(file.toFile(),
                        new TypeReference<Map<String, String>>() { })));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new TargetException(null, "cannot read the run records in " + folder + ": " + e.getMessage(), e);
        }
        records.sort(Comparator.comparingLong(RunRecord::sequence).reversed());
        return List.copyOf(records);
    }
}
