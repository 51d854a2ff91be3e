package io.gitops4j.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax of label keys and values, with Kubernetes' validation messages: a key is a qualified name (an optional
 * DNS-1123 subdomain prefix and {@code /}, then a name of at most 63 characters), a value is empty or a name-like
 * string of at most 63 characters.
 */
final class LabelSyntax {
    private static final String NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern NAME = Pattern.compile(NAME_FORMAT);
    private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must "
            + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
            + "for validation is '" + NAME_FORMAT + "')";
    private static final String SUBDOMAIN_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);
    private static final String SUBDOMAIN_RULE = "a DNS-1123 subdomain must consist of lower case alphanumeric "
            + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
            + "regex used for validation is '" + SUBDOMAIN_FORMAT + "')";
    private static final String VALUE_FORMAT = "(" + NAME_FORMAT + ")?";
    private static final Pattern VALUE = Pattern.compile(VALUE_FORMAT);
    private static final String VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  "
            + "or 'my_value',  or '12345', regex used for validation is '" + VALUE_FORMAT + "')";
    private static final int NAME_MAX = 63;
    private static final int PREFIX_MAX = 253;

    private LabelSyntax() {
    }

    /**
     * Checks a label key.
     *
     * @param key the key
     * @return what is wrong with it, {@code ""} when it is valid
     */
    static String keyProblems(String key) {
        List<String> problems = new ArrayList<>();
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return "a qualified name " + NAME_RULE + " with an optional DNS subdomain prefix and '/' (e.g. "
                    + "'example.com/MyName')";
        }
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else {
                if (prefix.length() > PREFIX_MAX) {
                    problems.add("prefix part must be no more than " + PREFIX_MAX + " characters");
                }
                if (!SUBDOMAIN.matcher(prefix).matches()) {
                    problems.add("prefix part " + SUBDOMAIN_RULE);
                }
            }
        }
        String name = parts[parts.length - 1];
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
        } else if (name.length() > NAME_MAX) {
            problems.add("name part must be no more than " + NAME_MAX + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            problems.add("name part " + NAME_RULE);
        }
        return String.join("; ", problems);
    }

    /**
     * Checks a label value.
     *
     * @param value the value
     * @return what is wrong with it, {@code ""} when it is valid
     */
    static String valueProblems(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > NAME_MAX) {
            problems.add("must be no more than " + NAME_MAX + " characters");
        }
        if (!VALUE.matcher(value).matches()) {
            problems.add(VALUE_RULE);
        }
        return String.join("; ", problems);
    }
}
