package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only JSON Lines file of {@link HistoryEntry}s: one JSON object per run, of every application of a
 * controller, in the order the runs finished.
 *
 * <p>The controller appends; {@link #read(Path)} reads it back. Appends of one instance are serialised; do not
 * let two controllers append to the same file.
 */
public final class HistoryFile {
    private final Path path;
    private final ObjectMapper mapper = new ObjectMapper();

    HistoryFile(Path path) {
        this.path = requireNonNull(path, "path is null");
    }

    /**
     * Reads every entry of a history file, oldest first.
     *
     * @param path the file
     * @return the entries; empty when the file does not exist
     * @throws HistoryException when the file cannot be read (the message names it)
     * @throws IllegalArgumentException when a line is not a history entry (the message names the line)
     */
    public static List<HistoryEntry> read(Path path) {
        requireNonNull(path, "path is null");
        if (!Files.exists(path)) {
            return List.of();
        }
        ObjectMapper mapper = new ObjectMapper();
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    entries.add(parse(mapper, lines.get(i), path, i + 1));
                }
            }
        } catch (IOException e) {
            throw new HistoryException("cannot read the history file " + path + ": " + e.getMessage(), e);
        }
        return List.copyOf(entries);
    }

    private static HistoryEntry parse(ObjectMapper mapper, String line, Path path, int number) throws IOException {
        try {
            JsonNode n = mapper.readTree(line);
            return new HistoryEntry(n.path("application").asText(), n.path("revision").asText(),
                    RunReason.valueOf(n.path("reason").asText()), n.path("pinned").asBoolean(),
                    Outcome.valueOf(n.path("outcome").asText()), Instant.parse(n.path("started").asText()),
                    Instant.parse(n.path("finished").asText()), n.path("applied").asInt(), n.path("deleted").asInt(),
                    n.path("failed").asInt(), n.path("drifted").asInt(), n.path("error").asText());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("line " + number + " of " + path + " is not a history entry: "
                    + e.getMessage(), e);
        }
    }

    /** Appends one entry as one line, creating the file when needed. */
    synchronized void append(HistoryEntry entry) {
        ObjectNode n = mapper.createObjectNode();
        n.put("application", entry.application());
        n.put("revision", entry.revision());
        n.put("reason", entry.reason().name());
        n.put("pinned", entry.pinned());
        n.put("outcome", entry.outcome().name());
        n.put("started", entry.started().toString());
        n.put("finished", entry.finished().toString());
        n.put("applied", entry.applied());
        n.put("deleted", entry.deleted());
        n.put("failed", entry.failed());
        n.put("drifted", entry.drifted());
        n.put("error", entry.error());
        try {
            Files.writeString(path, n.toString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new HistoryException("cannot append to the history file " + path
                    + "; check that its folder exists and is writable", e);
        }
    }

    /** Renders as {@code HistoryFile{path}}. */
    @Override
    public String toString() {
        return "HistoryFile{" + path + "}";
    }
}
