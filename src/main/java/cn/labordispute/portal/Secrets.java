package cn.labordispute.portal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Access codes and one-time codes: drawn at random, stored only as hashes (spring-security-crypto's delegating
 * encoder, bcrypt today, its id in the stored value), compared in constant time. Hashes written before (salted
 * PBKDF2, "pbkdf2-sha256$…") still match and are stored again at today's strength on their next successful use.
 */
final class Secrets {

    /** Letters and digits without the ones people confuse (0/O, 1/I/L). */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PasswordEncoder ENCODER = encoder();

    private Secrets() {
    }

    private static PasswordEncoder encoder() {
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder()));
        delegating.setDefaultPasswordEncoderForMatches(new LegacyPbkdf2());
        return delegating;
    }

    /** A case's access code: 10 characters (about 49 bits), shown to the applicant once. */
    static String accessCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A six-digit one-time code. */
    static String oneTimeCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String hash(String secret) {
        return ENCODER.encode(normalise(secret));
    }

    static boolean matches(String secret, String stored) {
        return secret != null && stored != null && ENCODER.matches(normalise(secret), stored);
    }

    /** Whether a stored hash is of an older kind or strength and should be written again. */
    static boolean needsUpgrade(String stored) {
        return stored != null && ENCODER.upgradeEncoding(stored);
    }

    /** Codes are typed by people: spaces and case do not matter. */
    private static String normalise(String secret) {
        return secret.replaceAll("\\s", "").toUpperCase();
    }

    /** The hashes of before: "pbkdf2-sha256$iterations$salt$hash"; read only, never written. */
    private static final class LegacyPbkdf2 implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            throw new UnsupportedOperationException("legacy hashes are only read");
        }

        @Override
        public boolean matches(CharSequence raw, String stored) {
            String[] parts = stored.split("\\$");
            if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
                return false;
            }
            try {
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                        raw.toString().toCharArray(), Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]),
                        256)).getEncoded();
                return MessageDigest.isEqual(expected, actual);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public boolean upgradeEncoding(String stored) {
            return true;
        }
    }
}
