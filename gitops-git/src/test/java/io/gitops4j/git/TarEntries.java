package io.gitops4j.git;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads the regular files of a tar stream as {@code git archive} writes it (ustar with pax headers). */
final class TarEntries {
    private static final int BLOCK = 512;

    private TarEntries() {
    }

    static SortedMap<String, byte[]> regularFiles(byte[] tar) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        int position = 0;
        String paxPath = null;
        while (position + BLOCK <= tar.length && tar[position] != 0) {
            String name = text(tar, position, 100);
            long size = Long.parseLong(text(tar, position + 124, 12).trim(), 8);
            char type = (char) tar[position + 156];
            String prefix = text(tar, position + 345, 155);
            int dataStart = position + BLOCK;
            byte[] data = Arrays.copyOfRange(tar, dataStart, dataStart + (int) size);
            if (type == 'x') {
                paxPath = paxValue(new String(data, StandardCharsets.UTF_8), "path");
            } else if (type == '0' || type == '\0') {
                String path = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
                files.put(path, data);
                paxPath = null;
            } else if (type != 'g') {
                paxPath = null;
            }
            position = dataStart + (int) ((size + BLOCK - 1) / BLOCK) * BLOCK;
        }
        return files;
    }

    private static String text(byte[] tar, int offset, int length) {
        int end = offset;
        while (end < offset + length && tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String paxValue(String records, String key) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            int equals = record.indexOf('=');
            if (space > 0 && equals > space && record.substring(space + 1, equals).equals(key)) {
                return record.substring(equals + 1);
            }
        }
        return null;
    }
}
