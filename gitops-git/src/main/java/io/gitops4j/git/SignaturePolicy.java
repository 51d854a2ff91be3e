package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * Whether a {@link GitSource} requires the commits it loads to carry an OpenPGP signature by a trusted key.
 *
 * <p>{@link #none()} (the default) loads any commit. {@link #requireSignedBy(Collection)} accepts only commits
 * whose {@code gpgsig} header is a valid signature, over the commit as Git signs it, made by one of the given
 * public keys (primary keys or their subkeys); an unsigned commit, a signature by another key, or a signature that
 * does not verify is a {@link io.gitops4j.source.SourceException} and nothing is loaded. Verification uses
 * BouncyCastle (the library behind JGit's {@code org.eclipse.jgit.gpg.bc}) against exactly these keys, never the
 * process user's keyring, so two sources in one JVM can trust different keys. Only commit signatures are checked,
 * not tag signatures. Immutable and thread-safe.
 */
public final class SignaturePolicy {
    private static final SignaturePolicy NONE = new SignaturePolicy(null);

    private final PGPPublicKeyRingCollection trustedKeys;

    private SignaturePolicy(PGPPublicKeyRingCollection trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    /** Returns the policy that loads signed and unsigned commits alike. */
    public static SignaturePolicy none() {
        return NONE;
    }

    /**
     * Returns a policy requiring a valid signature by one of {@code armoredPublicKeys} (ASCII-armored OpenPGP
     * public key blocks, as printed by {@code gpg --armor --export}); throws {@link IllegalArgumentException} when
     * a block does not parse or the collection is empty.
     */
    public static SignaturePolicy requireSignedBy(Collection<String> armoredPublicKeys) {
        requireNonNull(armoredPublicKeys, "armoredPublicKeys is null");
        if (armoredPublicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted public key is required");
        }
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (String armored : armoredPublicKeys) {
            rings.addAll(parse(armored.getBytes(StandardCharsets.UTF_8)));
        }
        return new SignaturePolicy(new PGPPublicKeyRingCollection(rings));
    }

    /** Like {@link #requireSignedBy(Collection)} with keys read from files (armored or binary keyrings). */
    public static SignaturePolicy requireSignedByKeyFiles(Collection<Path> publicKeyFiles) {
        requireNonNull(publicKeyFiles, "publicKeyFiles is null");
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (Path file : publicKeyFiles) {
            try {
                rings.addAll(parse(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read public key file " + file, e);
            }
        }
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted public key is required");
        }
        return new SignaturePolicy(new PGPPublicKeyRingCollection(rings));
    }

    /** Returns whether this policy requires signed commits. */
    public boolean requiresSignature() {
        return trustedKeys != null;
    }

    /** Returns the upper-case hexadecimal fingerprints of every trusted key and subkey (empty for none). */
    public Set<String> trustedFingerprints() {
        Set<String> fingerprints = new TreeSet<>();
        if (trustedKeys != null) {
            for (PGPPublicKeyRing ring : trustedKeys) {
                Iterator<PGPPublicKey> keys = ring.getPublicKeys();
                while (keys.hasNext()) {
                    fingerprints.add(HexFormat.of().formatHex(keys.next().getFingerprint()).toUpperCase(Locale.ROOT));
                }
            }
        }
        return fingerprints;
    }

    PGPPublicKeyRingCollection trustedKeys() {
        return trustedKeys;
    }

    @Override
    public String toString() {
        return requiresSignature() ? "SignaturePolicy.requireSignedBy(" + trustedFingerprints() + ")"
                : "SignaturePolicy.none()";
    }

    private static List<PGPPublicKeyRing> parse(byte[] keyData) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyData))) {
            PGPPublicKeyRingCollection collection = new PGPPublicKeyRingCollection(in,
                    new JcaKeyFingerprintCalculator());
            List<PGPPublicKeyRing> rings = new ArrayList<>();
            collection.forEach(rings::add);
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("no OpenPGP public key found in the given key data");
            }
            return rings;
        } catch (IOException | PGPException e) {
            throw new IllegalArgumentException("cannot parse OpenPGP public key: " + e.getMessage(), e);
        }
    }
}
