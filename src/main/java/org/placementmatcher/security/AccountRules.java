package org.placementmatcher.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.contract.TextRules;

/**
 * What an account's fields may be, for the administration API and the add-user command alike: each check adds
 * every problem it finds, located by the path the caller names (a JSON path, or a command-line option).
 */
public final class AccountRules {

    /** The setting for the fewest characters in a new password: {@link #DEFAULT_MIN_PASSWORD_LENGTH} unless set. */
    public static final String MIN_PASSWORD_LENGTH_PROPERTY = "placement.security.min-password-length";
    /**
     * Fewest characters in a new password unless configured. The contract sets no password policy (section 6 asks
     * for a slow salted hash), so this is the project's own rule, chosen for the councils' IT security officers,
     * who check the UK's Cyber Essentials requirements: for an account with a password only, at least 12
     * characters, or at least 8 only together with automatic blocking of common passwords by a deny list, which
     * this service does not keep. Cyber Essentials' throttling is the lock-out after five failed sign-ins in a row
     * ({@code placement.security.lockout}).
     */
    public static final int DEFAULT_MIN_PASSWORD_LENGTH = 12;
    /**
     * The least minimum the setting accepts: Cyber Essentials' floor, which holds only with a deny list of common
     * passwords that the operator would have to provide elsewhere (e.g. in a single sign-on provider).
     */
    public static final int LEAST_MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads at most 72 bytes of a password: a longer one would be cut without a word. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /**
     * Letters, digits and . _ @ - (an e-mail address fits); no colon, which HTTP Basic uses to end the name,
     * and no spaces or other characters that look alike.
     */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]+");

    /** Characters of a generated password: no look-alikes (0/O, 1/l/I). */
    private static final char[] GENERATED = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private AccountRules() {}

    /**
     * The fewest characters in a new password, from {@link #MIN_PASSWORD_LENGTH_PROPERTY} ({@link
     * #DEFAULT_MIN_PASSWORD_LENGTH} when absent): the one place the setting is read, for the administration API,
     * the users pages, the bootstrap and add-user alike.
     *
     * @throws IllegalStateException naming the setting, the allowed range and the value, when it is not a whole
     *     number from {@link #LEAST_MIN_PASSWORD_LENGTH} to {@link #MAX_PASSWORD_BYTES} (bcrypt's limit: a longer
     *     minimum would refuse every password)
     */
    public static int minPasswordLength(Config config) {
        Optional<String> value = config.getOptionalValue(MIN_PASSWORD_LENGTH_PROPERTY, String.class);
        if (value.isEmpty()) {
            return DEFAULT_MIN_PASSWORD_LENGTH;
        }
        int length;
        try {
            length = Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < LEAST_MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_BYTES) {
            throw new IllegalStateException(
                    MIN_PASSWORD_LENGTH_PROPERTY + " must be a whole number from " + LEAST_MIN_PASSWORD_LENGTH + " to "
                            + MAX_PASSWORD_BYTES + ", not " + TextRules.quote(value.get()));
        }
        return length;
    }

    public static void checkUsername(ProblemErrors errors, String path, String username) {
        if (username == null || username.isEmpty()) {
            errors.add(path, "is required");
            return;
        }
        String text = TextRules.codeProblem(username);
        if (text != null) {
            errors.add(path, text);
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(path, "may hold only letters, digits and . _ @ - (not " + TextRules.quote(username) + ")");
        }
    }

    /**
     * A new password: at least {@code minLength} characters ({@link #MIN_PASSWORD_LENGTH_PROPERTY}), at most
     * {@link #MAX_PASSWORD_BYTES} bytes, no control characters, not the username.
     */
    public static void checkPassword(
            ProblemErrors errors, String path, String password, String username, int minLength) {
        if (password == null || password.isEmpty()) {
            errors.add(path, "is required");
            return;
        }
        int characters = password.codePointCount(0, password.length());
        String text = TextRules.problem(password, Integer.MAX_VALUE);
        if (text != null) {
            errors.add(path, text);
        } else if (characters < minLength) {
            errors.add(path, "is too weak: at least " + minLength + " characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(path, "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt's limit)");
        } else if (password.equalsIgnoreCase(username)) {
            errors.add(path, "is too weak: it must not be the username");
        }
    }

    /** The roles named, or null when any is unknown or none is given (each problem added at path[i]). */
    public static SortedSet<Role> checkRoles(ProblemErrors errors, String path, List<String> names) {
        if (names == null || names.isEmpty()) {
            errors.add(path, "at least one role is required: " + roleNames());
            return null;
        }
        SortedSet<Role> roles = new TreeSet<>(EnumSet.noneOf(Role.class));
        boolean ok = true;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Role role = Arrays.stream(Role.values())
                    .filter(r -> r.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (role == null) {
                errors.add(
                        path + "[" + i + "]",
                        name == null
                                ? "must be a role name: " + roleNames()
                                : "unknown role " + TextRules.quote(name) + ": one of " + roleNames());
                ok = false;
            } else {
                roles.add(role);
            }
        }
        return ok ? roles : null;
    }

    /** The authority codes ("*": all); none is allowed (an administrator without data roles needs none). */
    public static SortedSet<String> checkAuthorities(ProblemErrors errors, String path, List<String> codes) {
        SortedSet<String> authorities = new TreeSet<>();
        if (codes == null) {
            return authorities;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String problem =
                    code == null || code.isBlank() ? "must be an authority code or *" : TextRules.codeProblem(code);
            if (problem != null) {
                errors.add(path + "[" + i + "]", problem);
            } else {
                authorities.add(code);
            }
        }
        return authorities;
    }

    /** A random password of 20 characters (about 117 bits), for bootstrap and add-user without one. */
    public static String generatePassword() {
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = GENERATED[RANDOM.nextInt(GENERATED.length)];
        }
        return new String(password);
    }

    static String roleNames() {
        return Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
