package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 1.5}, {@code 1e3}) parsed to their exact
 * value, so that {@code "1000m"}, {@code "1"} and {@code 1} compare equal as the API server canonicalises them.
 * Stateless.
 */
final class Quantity {
    private static final BigDecimal KI = BigDecimal.valueOf(1024);

    private Quantity() {
    }

    /** Tells whether two values are the same quantity; {@code false} when either is not a quantity. */
    static boolean sameQuantity(JsonNode a, JsonNode b) {
        BigDecimal x = valueOf(a);
        if (x == null) {
            return false;
        }
        BigDecimal y = valueOf(b);
        return y != null && x.compareTo(y) == 0;
    }

    /** Returns the exact value of a quantity string or number, or {@code null} when it is neither. */
    static BigDecimal valueOf(JsonNode node) {
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue()) ? node.decimalValue() : null;
        }
        return node.isTextual() ? parse(node.textValue()) : null;
    }

    /** Parses {@code <signedNumber><suffix>}; returns {@code null} when the text is not a quantity. */
    static BigDecimal parse(String text) {
        int end = numberEnd(text);
        if (end <= 0) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.substring(0, end));
        } catch (NumberFormatException e) {
            return null;
        }
        String suffix = text.substring(end);
        if (suffix.isEmpty()) {
            return number;
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            return exponent(number, suffix.substring(1));
        }
        BigDecimal factor = factor(suffix);
        return factor == null ? null : number.multiply(factor);
    }

    private static int numberEnd(String text) {
        int i = 0;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        return digits == 0 ? -1 : i;
    }

    private static BigDecimal exponent(BigDecimal number, String digits) {
        if (digits.isEmpty() || digits.length() > 4) {
            return null;
        }
        try {
            return number.scaleByPowerOfTen(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal factor(String suffix) {
        switch (suffix) {
            case "n": return BigDecimal.ONE.scaleByPowerOfTen(-9);
            case "u": return BigDecimal.ONE.scaleByPowerOfTen(-6);
            case "m": return BigDecimal.ONE.scaleByPowerOfTen(-3);
            case "k": return BigDecimal.ONE.scaleByPowerOfTen(3);
            case "M": return BigDecimal.ONE.scaleByPowerOfTen(6);
            case "G": return BigDecimal.ONE.scaleByPowerOfTen(9);
            case "T": return BigDecimal.ONE.scaleByPowerOfTen(12);
            case "P": return BigDecimal.ONE.scaleByPowerOfTen(15);
            case "E": return BigDecimal.ONE.scaleByPowerOfTen(18);
            case "Ki": return KI;
            case "Mi": return KI.pow(2);
            case "Gi": return KI.pow(3);
            case "Ti": return KI.pow(4);
            case "Pi": return KI.pow(5);
            case "Ei": return KI.pow(6);
            default: return null;
        }
    }
}
