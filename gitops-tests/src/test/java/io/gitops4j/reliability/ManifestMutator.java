package io.gitops4j.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Turns a real manifest into a broken or odd one: byte flips, truncation, indentation, tabs, duplicate keys, alias
 * bombs, deep nesting, invalid UTF-8, NUL bytes, huge numbers, foreign YAML tags, Lists with garbage items and
 * document splits. Deterministic for a given {@link Random}; not thread-safe.
 */
final class ManifestMutator {
    /** A mutated file and the name of the mutation that made it. */
    record Mutant(String mutation, byte[] content) {
    }

    private static final String[] TAGS = {"!!java.net.URL [\"http://127.0.0.1/x\"]",
        "!!python/object/apply:os.system [\"id\"]", "!<tag:yaml.org,2002:java.lang.Runtime> {}",
        "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
        "!!python/object:__main__.Evil {}", "!custom {a: 1}", "!!binary \"not base64!!\"", "!!int 12abc",
        "!!float yes", "!!timestamp 2001-13-45", "!!set {a, b}", "!!omap [a: 1]", "!!str", "!!null ~"};
    private static final String[] NUMBERS = {"1e999999999", "-1e999999999", "1.5e-999999999", ".nan", ".inf",
        "0x" + "f".repeat(400), "9".repeat(1200), "1_000_000_000_000_000_000_000", "0o777777777777777777777777",
        "1:2:3:4:5:6:7:8:9", "-0", "0b" + "1".repeat(300), "123456789012345678901234567890.5e300"};
    private static final String[] GARBAGE_ITEMS = {"- 42", "- just text", "- null", "- []", "- [1, [2, [3]]]",
        "- {kind: ConfigMap}", "- {apiVersion: v1, kind: ConfigMap, metadata: {name: [x]}}",
        "- {apiVersion: v1, kind: 7, metadata: {name: a}}", "- !!binary AAAA", "- {apiVersion: v1, kind: List,"
            + " items: [1]}", "- {apiVersion: v1, kind: ConfigMap, metadata: {name: ok, namespace: shop}}"};

    private final Random random;

    ManifestMutator(Random random) {
        this.random = random;
    }

    /** Returns one mutation of the text; about one in six applies two. */
    Mutant mutate(String text) {
        Mutant first = once(text.getBytes(UTF_8));
        if (random.nextInt(6) == 0) {
            Mutant second = once(first.content());
            return new Mutant(first.mutation() + "+" + second.mutation(), second.content());
        }
        return first;
    }

    private Mutant once(byte[] content) {
        String text = new String(content, UTF_8);
        switch (random.nextInt(17)) {
            case 0:
                return new Mutant("byte-flip", flip(content));
            case 1:
                return new Mutant("truncate", Arrays.copyOf(content, random.nextInt(content.length + 1)));
            case 2:
                return new Mutant("indent", bytes(indent(lines(text))));
            case 3:
                return new Mutant("tab", bytes(tab(lines(text))));
            case 4:
                return new Mutant("duplicate-key", bytes(duplicateLine(lines(text))));
            case 5:
                return new Mutant("alias-bomb", bytes(aliasBomb() + text));
            case 6:
                return new Mutant("deep-nesting", bytes(text + "\n" + deep(10_000)));
            case 7:
                return new Mutant("invalid-utf8", insert(content, new byte[][] {{(byte) 0xC3, 0x28}, {(byte) 0xFF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80}}));
            case 8:
                return new Mutant("nul-byte", insert(content, new byte[][] {{0}, {0, 0, 0}, {7}, {0x1B}}));
            case 9:
                return new Mutant("huge-number", bytes(replaceValue(lines(text), pick(NUMBERS))));
            case 10:
                return new Mutant("yaml-tag", bytes(replaceValue(lines(text), pick(TAGS))));
            case 11:
                return new Mutant("garbage-list", bytes(garbageList(text)));
            case 12:
                return new Mutant("document-split", bytes(split(lines(text))));
            case 13:
                return new Mutant("line-delete", bytes(deleteLine(lines(text))));
            case 14:
                return new Mutant("line-swap", bytes(swap(lines(text))));
            case 15:
                return new Mutant("bom-and-crlf", bytes("\uFEFF" + text.replace("\n", random.nextBoolean() ? "\r\n"
                        : "\r")));
            default:
                return new Mutant("recursive-alias", bytes(text + "\n---\nloop: &a [*a]\n"));
        }
    }

    private byte[] flip(byte[] content) {
        byte[] copy = content.clone();
        for (int i = 0, n = 1 + random.nextInt(5); i < n && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private byte[] insert(byte[] content, byte[][] choices) {
        byte[] piece = choices[random.nextInt(choices.length)];
        int at = random.nextInt(content.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + piece.length);
        out.write(content, 0, at);
        out.write(piece, 0, piece.length);
        out.write(content, at, content.length - at);
        return out.toByteArray();
    }

    private List<String> indent(List<String> lines) {
        int at = random.nextInt(lines.size());
        int shift = 1 + random.nextInt(3);
        String line = lines.get(at);
        lines.set(at, random.nextBoolean() ? " ".repeat(shift) + line : line.substring(Math.min(shift,
                line.length() - line.stripLeading().length())));
        return lines;
    }

    private List<String> tab(List<String> lines) {
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        int position = random.nextInt(line.length() + 1);
        lines.set(at, random.nextBoolean() ? line.replaceFirst("^ {1,2}", "\t")
                : line.substring(0, position) + "\t" + line.substring(position));
        return lines;
    }

    private List<String> duplicateLine(List<String> lines) {
        int at = random.nextInt(lines.size());
        lines.add(at, lines.get(at));
        return lines;
    }

    private List<String> replaceValue(List<String> lines, String value) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*-?\\s*[A-Za-z][\\w.-]*: .+")) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            lines.add("extra: " + value);
            return lines;
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        String line = lines.get(at);
        lines.set(at, line.substring(0, line.indexOf(": ") + 2) + value);
        return lines;
    }

    private String garbageList(String text) {
        StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            list.append(pick(GARBAGE_ITEMS)).append('\n');
        }
        list.append("- ").append(text.strip().replace("\n", "\n  ")).append('\n');
        return list.toString();
    }

    private List<String> split(List<String> lines) {
        lines.add(random.nextInt(lines.size() + 1), random.nextBoolean() ? "---" : "...");
        return lines;
    }

    private List<String> deleteLine(List<String> lines) {
        lines.remove(random.nextInt(lines.size()));
        return lines.isEmpty() ? new ArrayList<>(List.of("")) : lines;
    }

    private List<String> swap(List<String> lines) {
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String line = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, line);
        return lines;
    }

    private String aliasBomb() {
        StringBuilder bomb = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'j'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = name;
        }
        return bomb.append("---\n").toString();
    }

    private String deep(int depth) {
        if (random.nextBoolean()) {
            return "---\nx: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        }
        return "---\nx: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n";
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static byte[] bytes(List<String> lines) {
        return bytes(String.join("\n", lines));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
