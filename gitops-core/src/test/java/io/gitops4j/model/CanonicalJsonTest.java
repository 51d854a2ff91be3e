package io.gitops4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CanonicalJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static ObjectNode holding(String number) {
        ObjectNode node = NODES.objectNode();
        node.set("v", NODES.numberNode(new BigDecimal(number)));
        return node;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDecimalWithAnExtremeExponentIsWrittenWithoutExpandingIt() {
        assertThat(CanonicalJson.toString(holding("1.5e-999999999"))).isEqualTo("{\"v\":1.5E-999999999}");
        assertThat(CanonicalJson.toString(holding("1.0e+9999999"))).isEqualTo("{\"v\":1E+9999999}");
        assertThat(CanonicalJson.sha256(holding("1e999999999"))).isNotEqualTo(CanonicalJson.sha256(holding("1e999999998")));
        assertThat(CanonicalJson.sha256(holding("10e999999998"))).isEqualTo(CanonicalJson.sha256(holding("1e999999999")));
    }

    @Test
    void anOrdinaryDecimalIsWrittenByValueInPlainNotation() {
        assertThat(CanonicalJson.toString(holding("1.0e+3"))).isEqualTo("{\"v\":1000}");
        assertThat(CanonicalJson.toString(holding("2.50"))).isEqualTo("{\"v\":2.5}");
        assertThat(CanonicalJson.toString(holding("1e-7"))).isEqualTo("{\"v\":0.0000001}");
        assertThat(CanonicalJson.toString(holding("1.5e300"))).isEqualTo("{\"v\":15" + "0".repeat(299) + "}");
    }
}
