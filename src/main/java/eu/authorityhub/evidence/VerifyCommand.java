package eu.authorityhub.evidence;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import eu.authorityhub.evidence.EvidencePayloads.Verification;

/**
 * The command-line verifier: checks the chains straight in the database, with a public key the checker holds
 * (published at {@code GET /api/v1/evidence/key}; keep a copy), without trusting a running hub. With the packaged hub:
 *
 * <pre>
 * java -cp 'quarkus-app/app/*:quarkus-app/lib/main/*' eu.authorityhub.evidence.VerifyCommand \
 *     --jdbc-url jdbc:postgresql://db:5432/hub --user hub --public-key MCowBQYDK2VwAyEA... [--chain access]
 * </pre>
 *
 * The password comes from the environment variable PGPASSWORD. Exit status 0: every chain intact; 1: a chain is
 * broken (the first broken entry is printed); 2: wrong arguments or no database.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("PGPASSWORD"), System.out));
    }

    /** @return the exit status */
    static int run(String[] args, String password, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("--jdbc-url") || !options.containsKey("--public-key")) {
            out.println("usage: VerifyCommand --jdbc-url URL [--user USER] --public-key BASE64 [--chain"
                    + " journal|access]   (password from PGPASSWORD)");
            return 2;
        }
        PublicKey key;
        String keyId;
        try {
            byte[] encoded = Base64.getDecoder().decode(options.get("--public-key").strip());
            key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded)).substring(0, 16);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            out.println("not an ed25519 public key (X.509, base64): " + e.getMessage());
            return 2;
        }
        List<Chain> chains = options.containsKey("--chain")
                ? List.of(Chain.named(options.get("--chain")))
                : List.of(Chain.values());
        int status = 0;
        try (Connection c = DriverManager.getConnection(options.get("--jdbc-url"), options.get("--user"),
                password)) {
            c.setAutoCommit(false); // a cursor: rows stream
            c.setReadOnly(true);
            for (Chain chain : chains) {
                Verification v = ChainWalker.walk(c, chain, (id, statement, signature) -> id.equals(keyId)
                        ? valid(key, statement, signature)
                        : null);
                out.printf("%s: %s, %d entries, %d checkpoints verified with key %s%s, %d content removed after"
                        + " its time, %d not chained yet%n", v.chain(), v.intact() ? "intact" : "BROKEN", v.entries(),
                        v.checkpointsVerified(), keyId, v.otherKeys().isEmpty()
                                ? ""
                                : " (other keys: " + v
                                        .otherKeys() + ")",
                        v.purgedEntries(), v.pending());
                if (!v.intact()) {
                    out.printf("  first broken entry: position %d, key %s: %s%n", v.broken().position(), v.broken()
                            .key(), v.broken().problem());
                    status = 1;
                }
            }
            c.rollback();
        } catch (java.sql.SQLException | IllegalArgumentException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
        return status;
    }

    private static boolean valid(PublicKey key, String statement, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
