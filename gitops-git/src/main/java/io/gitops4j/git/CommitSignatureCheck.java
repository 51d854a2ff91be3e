package io.gitops4j.git;

import io.gitops4j.SourceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Enforces a {@link SignaturePolicy} on one commit: the {@code gpgsig} header must be an OpenPGP signature, by a
 * trusted key, over the commit object without that header (what {@code git commit -S} signs).
 */
final class CommitSignatureCheck {
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final SignaturePolicy policy;

    CommitSignatureCheck(SignaturePolicy policy) {
        this.policy = policy;
    }

    void verify(RevCommit commit, String where) {
        if (!policy.requiresSignature()) {
            return;
        }
        byte[] signature = commit.getRawGpgSignature();
        if (signature == null) {
            throw new SourceException("commit " + commit.name() + " of " + where + " is not signed, but the source"
                    + " requires a signature by one of " + policy.trustedFingerprints()
                    + "; nothing was loaded. Sign the commit (git commit -S) with a trusted key");
        }
        PGPSignature pgp = parse(signature, commit, where);
        PGPPublicKey key = findKey(pgp);
        if (key == null) {
            throw new SourceException("commit " + commit.name() + " of " + where + " is signed by key "
                    + Long.toHexString(pgp.getKeyID()).toUpperCase(java.util.Locale.ROOT)
                    + ", which is not trusted (trusted: " + policy.trustedFingerprints() + "); nothing was loaded");
        }
        if (!verifies(pgp, key, signedPayload(commit.getRawBuffer()))) {
            throw new SourceException("the signature of commit " + commit.name() + " of " + where
                    + " does not verify: the commit was altered after signing or the signature is corrupt;"
                    + " nothing was loaded");
        }
    }

    private PGPPublicKey findKey(PGPSignature signature) {
        return policy.trustedKeys().getPublicKey(signature.getKeyID());
    }

    private static PGPSignature parse(byte[] armored, RevCommit commit, String where) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            Object object = new JcaPGPObjectFactory(in).nextObject();
            if (object instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
        } catch (IOException | RuntimeException e) {
            // fall through: reported below
        }
        throw new SourceException("commit " + commit.name() + " of " + where + " carries a signature that is not"
                + " an OpenPGP signature (SSH and X.509 signatures are not supported); nothing was loaded");
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey key, byte[] payload) {
        try {
            signature.init(new JcaPGPContentVerifierBuilderProvider().setProvider(BOUNCY_CASTLE), key);
            signature.update(payload);
            return signature.verify();
        } catch (PGPException e) {
            return false;
        }
    }

    /** Returns the commit bytes without the {@code gpgsig} header and its continuation lines. */
    static byte[] signedPayload(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int position = 0;
        boolean inHeaders = true;
        boolean skipping = false;
        while (position < raw.length) {
            int end = position;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, raw.length);
            if (inHeaders && end == position) {
                inHeaders = false;
            }
            boolean continuation = inHeaders && raw[position] == ' ';
            if (inHeaders && !continuation) {
                skipping = startsWith(raw, position, "gpgsig ") || startsWith(raw, position, "gpgsig-sha256 ");
            }
            if (!(inHeaders && skipping)) {
                out.write(raw, position, next - position);
            }
            if (!inHeaders) {
                out.write(raw, next, raw.length - next);
                break;
            }
            position = next;
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] raw, int position, String prefix) {
        if (position + prefix.length() > raw.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[position + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
