package io.gitops4j.samples.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line tool's history: one JSON document per line (JSON Lines), appended after every {@code apply}
 * and {@code rollback}, read by {@code history} and {@code rollback}. Not safe for concurrent writers.
 */
final class RunHistory {
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;

    RunHistory(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    Path file() {
        return file;
    }

    void append(HistoryRecord record) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String line = json.writeValueAsString(json.createObjectNode().put("time", record.time().toString())
                    .put("application", record.application()).put("command", record.command())
                    .put("revision", record.revision()).put("digest", record.digest())
                    .put("outcome", record.outcome()).put("summary", record.summary()).put("error", record.error()));
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CommandException("cannot write the history file " + file + ": " + e.getMessage()
                    + "; pass --history-file with a writable path", e);
        }
    }

    List<HistoryRecord> read(String application) {
        List<HistoryRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot read the history file " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                HistoryRecord record = parse(lines.get(i), i + 1);
                if (record.application().equals(application)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private HistoryRecord parse(String line, int number) {
        try {
            var node = json.readTree(line);
            return new HistoryRecord(java.time.Instant.parse(node.path("time").asText()),
                    node.path("application").asText(), node.path("command").asText(),
                    node.path("revision").asText(), node.path("digest").asText(), node.path("outcome").asText(),
                    node.path("summary").asText(), node.path("error").asText());
        } catch (IOException | RuntimeException e) {
            throw new CommandException("history file " + file + " line " + number + " is not a history record: "
                    + e.getMessage() + "; fix or remove that line", e);
        }
    }
}
