package io.gitops4j.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Parses the text form of a label selector with Kubernetes' grammar and error messages: a lexer splits the text
 * into identifiers and the symbols {@code = == != ! ( ) , > <} (and the words {@code in}, {@code notin}, which are
 * identifiers where a value is expected), then a recursive descent reads comma-separated requirements. Not
 * thread-safe; one instance parses one text.
 */
final class LabelSelectorParser {
    private enum Token { END, IDENTIFIER, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, IN, NOT_IN, GREATER_THAN,
        LESS_THAN, OPEN, CLOSE, COMMA }

    private record Item(Token token, String text) {
    }

    private static final Map<String, Token> SYMBOLS = Map.ofEntries(Map.entry(")", Token.CLOSE),
            Map.entry(",", Token.COMMA), Map.entry("!", Token.NOT), Map.entry("==", Token.DOUBLE_EQUALS),
            Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER_THAN), Map.entry("in", Token.IN),
            Map.entry("<", Token.LESS_THAN), Map.entry("!=", Token.NOT_EQUALS), Map.entry("notin", Token.NOT_IN),
            Map.entry("(", Token.OPEN));

    private final List<Item> items;
    private int position;

    private LabelSelectorParser(String text) {
        this.items = scan(text);
    }

    /**
     * Parses a selector's text.
     *
     * @param text the text
     * @return the requirements, in the order written
     * @throws IllegalArgumentException with Kubernetes' message when the text is not a selector
     */
    static List<SelectorRequirement> parse(String text) {
        return new LabelSelectorParser(text).requirements();
    }

    private List<SelectorRequirement> requirements() {
        List<SelectorRequirement> requirements = new ArrayList<>();
        while (true) {
            Item next = peek(true);
            if (next.token() == Token.END) {
                return requirements;
            }
            if (next.token() != Token.IDENTIFIER && next.token() != Token.NOT) {
                throw fail("found '" + next.text() + "', expected: !, identifier, or 'end of string'");
            }
            try {
                requirements.add(requirement());
            } catch (IllegalArgumentException e) {
                throw fail("unable to parse requirement: " + e.getMessage());
            }
            Item after = take(true);
            if (after.token() == Token.END) {
                return requirements;
            }
            if (after.token() != Token.COMMA) {
                throw fail("found '" + after.text() + "', expected: ',' or 'end of string'");
            }
            Item following = peek(true);
            if (following.token() != Token.IDENTIFIER && following.token() != Token.NOT) {
                throw fail("found '" + following.text() + "', expected: identifier after ','");
            }
        }
    }

    private SelectorRequirement requirement() {
        Item key = take(true);
        boolean negated = key.token() == Token.NOT;
        if (negated) {
            key = take(true);
        }
        if (key.token() != Token.IDENTIFIER) {
            throw fail("found '" + key.text() + "', expected: identifier");
        }
        String problems = LabelSyntax.keyProblems(key.text());
        if (!problems.isEmpty()) {
            throw fail("invalid label key \"" + key.text() + "\": " + problems);
        }
        Token next = peek(true).token();
        if (negated || next == Token.END || next == Token.COMMA) {
            return new SelectorRequirement(key.text(), negated ? SelectorOperator.DOES_NOT_EXIST
                    : SelectorOperator.EXISTS, List.of());
        }
        SelectorOperator operator = operator();
        TreeSet<String> values = operator.isSet() ? setValues() : exactValue();
        return checked(key.text(), operator, values);
    }

    private SelectorOperator operator() {
        Item item = take(false);
        switch (item.token()) {
            case IN:
                return SelectorOperator.IN;
            case NOT_IN:
                return SelectorOperator.NOT_IN;
            case EQUALS:
                return SelectorOperator.EQUALS;
            case DOUBLE_EQUALS:
                return SelectorOperator.DOUBLE_EQUALS;
            case NOT_EQUALS:
                return SelectorOperator.NOT_EQUALS;
            case GREATER_THAN:
                return SelectorOperator.GREATER_THAN;
            case LESS_THAN:
                return SelectorOperator.LESS_THAN;
            default:
                throw fail("found '" + item.text() + "', expected: '=', '!=', '==', 'in', notin'");
        }
    }

    /* ( a, b ) with empty values allowed: "()" and "(,)" hold the empty value. */
    private TreeSet<String> setValues() {
        Item open = take(true);
        if (open.token() != Token.OPEN) {
            throw fail("found '" + open.text() + "' expected: '('");
        }
        Item first = peek(true);
        if (first.token() == Token.CLOSE) {
            take(true);
            return new TreeSet<>(List.of(""));
        }
        if (first.token() != Token.IDENTIFIER && first.token() != Token.COMMA) {
            throw fail("found '" + first.text() + "', expected: ',', ')' or identifier");
        }
        TreeSet<String> values = identifiers();
        if (take(true).token() != Token.CLOSE) {
            throw fail("found '" + first.text() + "', expected: ')'");
        }
        return values;
    }

    /* Comma-separated, possibly empty identifiers, up to (not including) the closing parenthesis. */
    private TreeSet<String> identifiers() {
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            Item item = take(true);
            if (item.token() == Token.IDENTIFIER) {
                values.add(item.text());
                Item next = peek(true);
                if (next.token() == Token.CLOSE) {
                    return values;
                }
                if (next.token() != Token.COMMA) {
                    throw fail("found '" + next.text() + "', expected: ',' or ')'");
                }
            } else if (item.token() == Token.COMMA) {
                if (values.isEmpty()) {
                    values.add("");
                }
                Token next = peek(true).token();
                if (next == Token.CLOSE) {
                    values.add("");
                    return values;
                }
                if (next == Token.COMMA) {
                    take(true); // as kubectl kustomize reads ",,": one empty value, so "(,,)" is refused
                    values.add("");
                }
            } else {
                throw fail("found '" + item.text() + "', expected: ',', or identifier");
            }
        }
    }

    private TreeSet<String> exactValue() {
        Item next = peek(true);
        if (next.token() == Token.END || next.token() == Token.COMMA) {
            return new TreeSet<>(List.of(""));
        }
        Item value = take(true);
        if (value.token() != Token.IDENTIFIER) {
            throw fail("found '" + value.text() + "', expected: identifier");
        }
        return new TreeSet<>(List.of(value.text()));
    }

    private static SelectorRequirement checked(String key, SelectorOperator operator, TreeSet<String> values) {
        if (operator == SelectorOperator.GREATER_THAN || operator == SelectorOperator.LESS_THAN) {
            try {
                Long.parseLong(values.first());
            } catch (NumberFormatException e) {
                throw fail("for 'Gt', 'Lt' operators, the value must be an integer");
            }
        }
        for (String value : values) {
            String problems = LabelSyntax.valueProblems(value);
            if (!problems.isEmpty()) {
                throw fail("invalid label value: \"" + value + "\": at key: \"" + key + "\": " + problems);
            }
        }
        return new SelectorRequirement(key, operator, List.copyOf(values));
    }

    /* Where a value is expected, the words in and notin are identifiers. */
    private Item peek(boolean value) {
        Item item = items.get(position);
        return value && (item.token() == Token.IN || item.token() == Token.NOT_IN)
                ? new Item(Token.IDENTIFIER, item.text()) : item;
    }

    private Item take(boolean value) {
        Item item = peek(value);
        position++;
        return item;
    }

    private static IllegalArgumentException fail(String message) {
        return new IllegalArgumentException(message);
    }

    private static List<Item> scan(String text) {
        List<Item> items = new ArrayList<>();
        int at = 0;
        while (true) {
            while (at < text.length() && whitespace(text.charAt(at))) {
                at++;
            }
            if (at == text.length()) {
                items.add(new Item(Token.END, ""));
                return items;
            }
            int start = at;
            if (special(text.charAt(at))) {
                // the longest symbol that extends, one character at a time, a symbol: every single one is one
                Item symbol = new Item(SYMBOLS.get(text.substring(at, at + 1)), text.substring(at, at + 1));
                at++;
                while (at < text.length() && special(text.charAt(at))) {
                    Token longer = SYMBOLS.get(text.substring(start, at + 1));
                    if (longer == null) {
                        break;
                    }
                    symbol = new Item(longer, text.substring(start, ++at));
                }
                items.add(symbol);
            } else {
                while (at < text.length() && !special(text.charAt(at)) && !whitespace(text.charAt(at))) {
                    at++;
                }
                String word = text.substring(start, at);
                Token keyword = SYMBOLS.get(word);
                items.add(new Item(keyword == Token.IN || keyword == Token.NOT_IN ? keyword : Token.IDENTIFIER, word));
            }
        }
    }

    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean special(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }
}
