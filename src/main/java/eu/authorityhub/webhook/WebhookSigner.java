package eu.authorityhub.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures. The signed content is {@code <webhook-id>.<webhook-timestamp>.<body>}; {@code v1} is
 * its HMAC-SHA256 under the base64-decoded part of a {@code whsec_} secret, {@code v1a} its ed25519 signature.
 * Signatures are base64, each prefixed by its version and a comma, several separated by spaces.
 */
public final class WebhookSigner {

    public static final String HMAC_PREFIX = "whsec_";
    public static final String PUBLIC_KEY_PREFIX = "whpk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The X.509 prefix of a raw 32-byte ed25519 public key. */
    private static final int ED25519_X509_HEADER = 12;

    private WebhookSigner() {
    }

    /** A new HMAC secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newHmacSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HMAC_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A new ed25519 key pair: the PKCS#8 private key (base64, kept by the hub) and {@code whpk_} + raw public key. */
    public static String[] newEd25519() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, ED25519_X509_HEADER, x509.length);
            return new String[]{Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    PUBLIC_KEY_PREFIX + Base64.getEncoder().encodeToString(raw)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 is not available in this JDK", e);
        }
    }

    public static String signedContent(String id, long timestamp, String body) {
        return id + "." + timestamp + "." + body;
    }

    public static String v1(String secret, String id, long timestamp, String body) {
        String key = secret.startsWith(HMAC_PREFIX) ? secret.substring(HMAC_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] sig = mac.doFinal(signedContent(id, timestamp, body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static String v1a(String pkcs8PrivateKey, String id, long timestamp, String body) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8PrivateKey)));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(signedContent(id, timestamp, body).getBytes(StandardCharsets.UTF_8));
            return "v1a," + Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 signing failed", e);
        }
    }
}
