package eu.authorityhub.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The checkpoint signing key (ed25519): from configuration, or made at start when none is configured (said loudly).
 * Its public key and id are published, so that anybody can check a checkpoint.
 */
@ApplicationScoped
public class EvidenceKeys {

    private static final Logger LOG = Logger.getLogger(EvidenceKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final boolean ephemeral;

    EvidenceKeys(EvidenceConfig config) throws GeneralSecurityException {
        KeyPair pair;
        if (config.signingKey().filter(k -> !k.isBlank()).isPresent()) {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64
                    .getDecoder().decode(config.signingKey().get().strip())));
            pair = new KeyPair(publicOf(key), key);
            ephemeral = false;
        } else {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            ephemeral = true;
            LOG.warn("hub.evidence.signing-key is not set: checkpoints are signed with a key made at start, which"
                    + " proves nothing after a restart. Set it in production.");
        }
        privateKey = pair.getPrivate();
        publicKey = pair.getPublic();
        keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()))
                .substring(0, 16);
    }

    /** The public key of a private one: the JDK derives it when it signs; here through a fresh key pair factory. */
    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((java.security.interfaces.EdECPrivateKey) key).getBytes().orElseThrow();
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
        KeyPair derived = g.generateKeyPair();
        if (!java.util.Arrays.equals(((java.security.interfaces.EdECPrivateKey) derived.getPrivate()).getBytes()
                .orElseThrow(), seed)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        KeyFactory.getInstance("Ed25519").getKeySpec(key, EdECPrivateKeySpec.class); // a valid ed25519 key
        return derived.getPublic();
    }

    /** Hands the seed to the key generator, so that it derives the key pair of a known private key. */
    private static final class FixedRandom extends java.security.SecureRandom {

        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    public String keyId() {
        return keyId;
    }

    public boolean ephemeral() {
        return ephemeral;
    }

    /** The public key, X.509 SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(String statement) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(statement.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature over the statement is this hub's, by the key it names. */
    boolean verify(String keyId, String statement, String signature) {
        if (!this.keyId.equals(keyId)) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(statement.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
