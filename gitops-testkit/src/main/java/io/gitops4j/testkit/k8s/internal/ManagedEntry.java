package io.gitops4j.testkit.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code metadata.managedFields} entry: which manager owns which fields, through which operation.
 *
 * @param manager the field manager name
 * @param operation {@code Apply} or {@code Update}
 * @param apiVersion the API version the manager used
 * @param time when the entry last changed (RFC 3339)
 * @param subresource "" for the main resource, or e.g. {@code status}
 * @param fields the owned fields
 */
public record ManagedEntry(String manager, String operation, String apiVersion, String time, String subresource,
        FieldSet fields) {

    /** Operation name of server-side apply entries. */
    public static final String APPLY = "Apply";
    /** Operation name of create, update and non-apply patch entries. */
    public static final String UPDATE = "Update";

    /** Validates. */
    public ManagedEntry {
        requireNonNull(manager, "manager is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(time, "time is null");
        requireNonNull(subresource, "subresource is null");
        requireNonNull(fields, "fields is null");
    }

    /** Whether this entry is the one a write by this manager, operation and subresource updates. */
    public boolean sameOwner(String otherManager, String otherOperation, String otherSubresource) {
        return manager.equals(otherManager) && operation.equals(otherOperation)
                && subresource.equals(otherSubresource);
    }

    /** The same entry with other fields. */
    public ManagedEntry withFields(FieldSet newFields) {
        return new ManagedEntry(manager, operation, apiVersion, time, subresource, newFields);
    }

    /** Reads the entries of an object's {@code metadata.managedFields} (none when absent). */
    public static List<ManagedEntry> read(JsonNode object) {
        List<ManagedEntry> entries = new ArrayList<>();
        if (object == null) {
            return entries;
        }
        for (JsonNode node : object.path("metadata").path("managedFields")) {
            entries.add(new ManagedEntry(Json.text(node, "manager"), Json.text(node, "operation"),
                    Json.text(node, "apiVersion"), Json.text(node, "time"), Json.text(node, "subresource"),
                    FieldSet.fromFieldsV1(node.path("fieldsV1"))));
        }
        return entries;
    }

    /** Writes entries to an object's {@code metadata.managedFields}, dropping entries that own nothing. */
    public static void write(ObjectNode object, List<ManagedEntry> entries) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (ManagedEntry entry : entries) {
            if (entry.fields().isEmpty()) {
                continue;
            }
            ObjectNode node = array.addObject();
            node.put("manager", entry.manager());
            node.put("operation", entry.operation());
            node.put("apiVersion", entry.apiVersion());
            node.put("time", entry.time());
            node.put("fieldsType", "FieldsV1");
            node.set("fieldsV1", entry.fields().toFieldsV1());
            if (!entry.subresource().isEmpty()) {
                node.put("subresource", entry.subresource());
            }
        }
        if (array.isEmpty()) {
            Json.metadata(object).remove("managedFields");
        } else {
            Json.metadata(object).set("managedFields", array);
        }
    }
}
