package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a manifest file as strict UTF-8, as Kubernetes reads it: a malformed byte sequence is a
 * {@link ManifestException} naming its line, never silently replaced by U+FFFD.
 */
final class Utf8Text {
    private Utf8Text() {
    }

    static String decode(String path, byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new ManifestException(Provenance.of(path, -1, lineAt(content, offset)), "invalid UTF-8 at byte "
                    + offset + "; Kubernetes reads manifests as UTF-8: save the file in that encoding");
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
