package io.gitops4j.samples.cli;

import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import java.util.Map;

/**
 * One line of progress for a health poll: {@code waiting for health: 3/5 healthy; apps/Deployment/shop/web
 * Progressing (1 of 3 replicas available)}. Stateless.
 */
final class HealthProgress {
    private HealthProgress() {
    }

    static String line(Map<ResourceKey, Health> health) {
        long healthy = health.values().stream().filter(Health::isHealthy).count();
        StringBuilder line = new StringBuilder("waiting for health: ").append(healthy).append('/')
                .append(health.size()).append(" healthy");
        health.entrySet().stream().filter(e -> !e.getValue().isHealthy()).findFirst().ifPresent(e -> {
            line.append("; ").append(e.getKey()).append(' ').append(e.getValue().status());
            if (!e.getValue().message().isEmpty()) {
                line.append(" (").append(e.getValue().message()).append(')');
            }
        });
        return line.toString();
    }
}
