package eu.authorityhub.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification of Standard Webhooks signatures, written from the specification and independent of the
 * hub's signing code: signed content {@code id.timestamp.body}; {@code v1} = base64 HMAC-SHA256 keyed with the base64
 * part of the {@code whsec_} secret; {@code v1a} = base64 ed25519 signature checked with the {@code whpk_} key.
 */
public final class StandardWebhooks {

    private StandardWebhooks() {
    }

    /** The signatures of the header that the secret verifies (0, 1 or more). */
    public static int verifiedV1(String secret, String id, String timestamp, String body, String header)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        int n = 0;
        for (String sig : signatures(header, "v1")) {
            if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(sig))) {
                n++;
            }
        }
        return n;
    }

    public static boolean verifiedV1a(String publicKey, String id, String timestamp, String body, String header)
            throws Exception {
        byte[] raw = Base64.getDecoder().decode(publicKey.substring("whpk_".length()));
        // X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte prefix, then the raw 32-byte key
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] x509 = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, x509, 0, prefix.length);
        System.arraycopy(raw, 0, x509, prefix.length, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        for (String sig : signatures(header, "v1a")) {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            if (s.verify(Base64.getDecoder().decode(sig))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> signatures(String header, String version) {
        List<String> out = new ArrayList<>();
        for (String part : header.split(" ")) {
            int comma = part.indexOf(',');
            if (comma > 0 && part.substring(0, comma).equals(version)) {
                out.add(part.substring(comma + 1));
            }
        }
        return out;
    }
}
