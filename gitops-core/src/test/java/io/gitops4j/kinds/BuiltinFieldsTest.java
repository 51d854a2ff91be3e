package io.gitops4j.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StateDiffer differ = DefaultStateDiffer.builder().build();

    private static ObjectNode item(ListItemKey key, int n) {
        ObjectNode item = JSON.createObjectNode();
        for (String field : key.keyFields()) {
            if (!key.defaults().containsKey(field)) {
                if (field.equals("containerPort") || field.equals("port")) {
                    item.put(field, 8000 + n);
                } else {
                    item.put(field, field + n);
                }
            }
        }
        item.put("payload", "p" + n);
        return item;
    }

    private static Resource podWithList(String field, List<ObjectNode> items) {
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", "v1").put("kind", "Pod").putObject("metadata").put("name", "web").put("namespace", "shop");
        ArrayNode list = body.putObject("spec").putArray(field);
        items.forEach(list::add);
        return Resource.of(body);
    }

    private boolean driftsWhenLiveHasTheItemsReversed(String field, ObjectNode first, ObjectNode second) {
        Resource desired = podWithList(field, List.of(first, second));
        Resource live = podWithList(field, List.of(second, first));
        return differ.diff(DesiredState.of("r1", List.of(desired)), LiveState.of(List.of(LiveResource.of(live))))
                .hasChanges();
    }

    @Test
    void theDifferMatchesTheItemsOfEveryKeyedListByTheTablesKey() {
        for (Map.Entry<String, List<ListItemKey>> entry : BuiltinFields.listKeys().entrySet()) {
            ListItemKey key = entry.getValue().get(0);

            assertThat(driftsWhenLiveHasTheItemsReversed(entry.getKey(), item(key, 1), item(key, 2)))
                    .as("items of %s matched by %s", entry.getKey(), key.keyFields()).isFalse();
        }
    }

    @Test
    void theDifferMatchesTheItemsOfAtomicListsByPosition() {
        for (String field : BuiltinFields.atomicLists()) {
            ObjectNode first = JSON.createObjectNode().put("name", "a");
            ObjectNode second = JSON.createObjectNode().put("name", "b");

            assertThat(driftsWhenLiveHasTheItemsReversed(field, first, second)).as(field).isTrue();
        }
    }

    @Test
    void everyKeyDefaultsOnlyItsOwnFieldsAndPortsTryContainerPortFirst() {
        assertThat(BuiltinFields.listKeys("ports")).extracting(ListItemKey::primaryField)
                .containsExactly("containerPort", "port");
        assertThat(BuiltinFields.listKeys("ports")).allSatisfy(key ->
                assertThat(key.defaults()).containsExactly(Map.entry("protocol", "TCP")));
        assertThat(BuiltinFields.listKeys("tolerations")).isEmpty();
    }
}
