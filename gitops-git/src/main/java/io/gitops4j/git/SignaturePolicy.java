package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import io.gitops4j.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * <p>{@link #none()} (the default) loads any commit. {@link #requireSignedBy(Collection)} (armored public keys),
 * {@link #requireSignedByKeyFiles(Collection)} (key files) and {@link #requireSignedBy(Collection, Path)}
 * (fingerprints picked from a keyring) accept only commits
 * whose {@code gpgsig} header is a valid signature, over the commit as Git signs it, made by one of the given
 * public keys (primary keys or their subkeys); an unsigned commit, a signature by another key, or a signature that
 * does not verify is a {@link io.gitops4j.SourceException} and nothing is loaded. Verification uses
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

    /**
     * Returns the policy that loads signed and unsigned commits alike.
     *
     * @return the shared no-signature policy
     */
    public static SignaturePolicy none() {
        return NONE;
    }

    /**
     * Returns a policy requiring a valid signature by one of {@code armoredPublicKeys} (ASCII-armored OpenPGP
     * public key blocks, as printed by {@code gpg --armor --export}); throws {@link IllegalArgumentException} when
     * a block does not parse or the collection is empty.
     *
     * @param armoredPublicKeys the trusted public keys
     * @return the policy
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

    /**
     * Like {@link #requireSignedBy(Collection)} with keys read from files (armored or binary keyrings).
     *
     * @param publicKeyFiles the files holding the trusted public keys
     * @return the policy
     * @throws SourceException when a file cannot be read (the message names it)
     */
    public static SignaturePolicy requireSignedByKeyFiles(Collection<Path> publicKeyFiles) {
        requireNonNull(publicKeyFiles, "publicKeyFiles is null");
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (Path file : publicKeyFiles) {
            try {
                rings.addAll(parse(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new SourceException("cannot read public key file " + file + ": " + e.getMessage(), e);
            }
        }
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted public key is required");
        }
        return new SignaturePolicy(new PGPPublicKeyRingCollection(rings));
    }

    /**
     * Returns a policy trusting only the keys of {@code keyringFile} (an exported keyring, armored or binary, e.g.
     * {@code gpg --export > keyring.gpg}) whose primary key or a subkey has one of {@code fingerprints}
     * (hexadecimal, spaces ignored, any case). Throws {@link IllegalArgumentException} when a fingerprint matches
     * no key of the keyring, so a typo cannot silently trust nothing.
     *
     * @param fingerprints fingerprints of the trusted primary keys or subkeys
     * @param keyringFile the exported keyring to pick them from
     * @return the policy
     */
    public static SignaturePolicy requireSignedBy(Collection<String> fingerprints, Path keyringFile) {
        requireNonNull(fingerprints, "fingerprints is null");
        requireNonNull(keyringFile, "keyringFile is null");
        Set<String> wanted = new TreeSet<>();
        for (String fingerprint : fingerprints) {
            wanted.add(fingerprint.replace(" ", "").toUpperCase(Locale.ROOT));
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted fingerprint is required");
        }
        List<PGPPublicKeyRing> rings;
        try {
            rings = parse(Files.readAllBytes(keyringFile));
        } catch (IOException e) {
            throw new SourceException("cannot read keyring " + keyringFile + ": " + e.getMessage(), e);
        }
        List<PGPPublicKeyRing> trusted = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        for (PGPPublicKeyRing ring : rings) {
            Set<String> ringFingerprints = fingerprints(ring);
            ringFingerprints.retainAll(wanted);
            if (!ringFingerprints.isEmpty()) {
                trusted.add(ring);
                found.addAll(ringFingerprints);
            }
        }
        if (!found.equals(wanted)) {
            wanted.removeAll(found);
            throw new IllegalArgumentException("keyring " + keyringFile + " holds no key with fingerprint " + wanted);
        }
        return new SignaturePolicy(new PGPPublicKeyRingCollection(trusted));
    }

    /**
     * Returns whether this policy requires signed commits.
     *
     * @return {@code true} unless this is {@link #none()}
     */
    public boolean requiresSignature() {
        return trustedKeys != null;
    }

    /**
     * Returns the upper-case hexadecimal fingerprints of every trusted key and subkey (empty for none).
     *
     * @return the fingerprints, sorted
     */
    public Set<String> trustedFingerprints() {
        Set<String> fingerprints = new TreeSet<>();
        if (trustedKeys != null) {
            for (PGPPublicKeyRing ring : trustedKeys) {
                fingerprints.addAll(fingerprints(ring));
            }
        }
        return fingerprints;
    }

    private static Set<String> fingerprints(PGPPublicKeyRing ring) {
        Set<String> fingerprints = new TreeSet<>();
        Iterator<PGPPublicKey> keys = ring.getPublicKeys();
        while (keys.hasNext()) {
            fingerprints.add(HexFormat.of().formatHex(keys.next().getFingerprint()).toUpperCase(Locale.ROOT));
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
