package io.gitops4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link HealthAssessor} keeps, as a JUnit 5 suite: extend it, implement {@link #newAssessor()}
 * and {@link #handledObjects()}, and the cases run against your assessor.
 *
 * <pre>{@code
 * class WidgetHealthContractTest extends HealthAssessorContract {
 *     @Override protected HealthAssessor newAssessor() { return new WidgetHealth(); }
 *     @Override protected List<Resource> handledObjects() { return List.of(readyWidget(), failedWidget()); }
 * }
 * }</pre>
 *
 * <p>The cases: every handled object gets a health; the same object gets the same health every time; an object
 * stripped of its {@code status}, or with a malformed one, gets a health and never an exception; an object of a
 * kind nobody knows never throws either.
 */
public abstract class HealthAssessorContract {

    /**
     * Creates the assessor under test.
     *
     * @return the assessor
     */
    protected abstract HealthAssessor newAssessor();

    /**
     * Returns live objects of the kinds the assessor handles, with their {@code status} as a cluster reports it;
     * the more states they cover (healthy, progressing, failed), the more the contract proves.
     *
     * @return at least one object
     */
    protected abstract List<Resource> handledObjects();

    private static Resource withStatus(Resource live, Consumer<ObjectNode> change) {
        ObjectNode body = live.tree().deepCopy();
        change.accept(body);
        return Resource.of(body);
    }

    @Test
    void everyHandledObjectGetsAHealth() {
        HealthAssessor assessor = newAssessor();

        assertThat(handledObjects()).isNotEmpty().allSatisfy(live -> assertThat(assessor.assess(live))
                .as(live.key().toString()).hasValueSatisfying(health -> assertThat(health.status()).isNotNull()));
    }

    @Test
    void theSameObjectGetsTheSameHealthEveryTime() {
        HealthAssessor assessor = newAssessor();

        assertThat(handledObjects()).allSatisfy(live -> {
            Optional<Health> first = assessor.assess(live);
            assertThat(assessor.assess(live)).as(live.key().toString()).isEqualTo(first);
            assertThat(newAssessor().assess(Resource.of(live.tree().deepCopy()))).isEqualTo(first);
        });
    }

    @Test
    void anObjectWithoutStatusGetsAHealthAndNoException() {
        HealthAssessor assessor = newAssessor();

        assertThat(handledObjects()).allSatisfy(live -> {
            Resource bare = withStatus(live, body -> body.remove("status"));
            assertThatCode(() -> assessor.assess(bare)).as(live.key().toString()).doesNotThrowAnyException();
            assertThat(assessor.assess(bare)).as(live.key().toString()).isPresent();
        });
    }

    @Test
    void anObjectWithAMalformedStatusNeverThrows() {
        HealthAssessor assessor = newAssessor();

        assertThat(handledObjects()).allSatisfy(live -> {
            Resource text = withStatus(live, body -> body.put("status", "not an object"));
            Resource wrongTypes = withStatus(live, body -> body.putObject("status").put("replicas", "many")
                    .put("conditions", "none").putArray("phase").add(1));
            assertThatCode(() -> {
                assessor.assess(text);
                assessor.assess(wrongTypes);
            }).as(live.key().toString()).doesNotThrowAnyException();
        });
    }

    @Test
    void anObjectOfAnUnknownKindNeverThrows() {
        Resource unknown = withStatus(handledObjects().get(0), body -> {
            body.put("apiVersion", "contract.gitops4j.io/v1").put("kind", "Unheard");
            body.putObject("status").put("state", "whatever");
        });

        assertThatCode(() -> newAssessor().assess(unknown)).doesNotThrowAnyException();
        assertThat(newAssessor().assess(unknown)).isNotNull();
    }
}
