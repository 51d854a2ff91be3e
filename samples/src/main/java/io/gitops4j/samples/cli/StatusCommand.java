package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.health.Health;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.samples.render.ResultJson;
import io.gitops4j.target.HealthAssessment;
import io.gitops4j.target.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gitops4j status}: what the target says about an application: its inventory (revision, owned objects), its
 * last recorded runs, and the live health of what it owns; with a source, whether each object is in sync.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show an application as its target holds it: the inventory (revision, owned objects), the "
            + "last runs (outcome, health, when, by whom) and the live health of the owned objects; with --dir or "
            + "--repo also whether each is in sync with the desired state.", "Exit code: 0 success, 1 error."})
final class StatusCommand extends SessionCommand {
    private static final String UNKNOWN = "Unknown";

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "How many of the last runs to show (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        if (runs < 0) {
            throw new CommandException("--runs must not be negative, got " + runs);
        }
        if (source.given()) {
            try (Session session = open()) {
                Plan plan = session.engine().plan().plan();
                print(session.target(), Optional.of(plan));
            }
        } else {
            try (OpenTarget open = target.open(environment())) {
                print(open, Optional.empty());
            }
        }
        return ExitCodes.OK;
    }

    private void print(OpenTarget open, Optional<Plan> plan) {
        Target t = open.target();
        Optional<Inventory> inventory = t.inventoryStore().load(app.application);
        List<RunRecord> all = t.historyStore().list(app.application);
        List<RunRecord> last = all.subList(0, Math.min(runs, all.size()));
        TreeSet<ResourceKey> keys = new TreeSet<>(inventory.map(Inventory::keys).orElse(new TreeSet<>()));
        plan.ifPresent(p -> p.steps().forEach(step -> keys.add(step.key())));
        HealthAssessment health = HealthAssessment.observe(t, keys);
        Map<ResourceKey, String> sync = new TreeMap<>();
        for (ResourceKey key : keys) {
            sync.put(key, plan.map(p -> syncOf(p, key)).orElse(UNKNOWN));
        }
        PrintWriter out = out();
        if (app.json()) {
            out.println(ResultJson.text(json(open, inventory, last, health, sync)));
        } else {
            out.print(text(open, inventory, last, health, sync, plan.isPresent()));
        }
        out.flush();
    }

    private static String syncOf(Plan plan, ResourceKey key) {
        return plan.steps().stream().filter(step -> step.key().equals(key)).findFirst().map(PlanStep::action)
                .map(action -> "OutOfSync (" + action.name().toLowerCase(Locale.ROOT) + ")").orElse("Synced");
    }

    private ObjectNode json(OpenTarget open, Optional<Inventory> inventory, List<RunRecord> last,
            HealthAssessment health, Map<ResourceKey, String> sync) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("application", app.application).put("target", open.description());
        ObjectNode inv = root.putObject("inventory");
        inventory.flatMap(Inventory::revision).ifPresentOrElse(r -> inv.putObject("revision").put("id", r.id())
                .put("digest", r.digest()), () -> inv.putNull("revision"));
        inv.put("owned", inventory.map(Inventory::size).orElse(0));
        root.set("runs", RunRecordText.json(last));
        for (Map.Entry<ResourceKey, Health> entry : health.health().entrySet()) {
            root.withArray("objects").addObject().put("key", entry.getKey().toString())
                    .put("sync", sync.get(entry.getKey())).put("health", entry.getValue().status().name())
                    .put("message", entry.getValue().message());
        }
        if (root.get("objects") == null) {
            root.putArray("objects");
        }
        root.put("health", health.aggregate().name());
        return root;
    }

    private String text(OpenTarget open, Optional<Inventory> inventory, List<RunRecord> last,
            HealthAssessment health, Map<ResourceKey, String> sync, boolean compared) {
        StringBuilder text = new StringBuilder("Application ").append(app.application).append(" on ")
                .append(open.description()).append('\n');
        text.append("Inventory: ").append(inventory.flatMap(Inventory::revision)
                .map(r -> "revision " + r + ", " + inventory.get().size() + " objects owned")
                .orElse("none (nothing applied yet)")).append("\n\n");
        text.append("Last runs:\n").append(last.isEmpty() ? "  (none recorded)\n" : RunRecordText.table(last, "  "));
        text.append("\nObjects").append(compared ? "" : " (sync Unknown: pass --dir or --repo to compare)")
                .append(":\n");
        if (sync.isEmpty()) {
            return text.append("  (none)\n").toString();
        }
        int width = sync.keySet().stream().mapToInt(k -> k.toString().length()).max().orElse(0);
        for (Map.Entry<ResourceKey, Health> entry : health.health().entrySet()) {
            Health h = entry.getValue();
            text.append(String.format(Locale.ROOT, "  %-" + width + "s  %-22s %s%s", entry.getKey(),
                    sync.get(entry.getKey()), h.status(), h.message().isEmpty() ? "" : "  (" + h.message() + ")")
                    .stripTrailing()).append('\n');
        }
        return text.append("  overall: ").append(health.aggregate()).append('\n').toString();
    }
}
