package org.placementmatcher.cli;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.config.SmallRyeConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.security.Account;
import org.placementmatcher.security.AccountAudit;
import org.placementmatcher.security.AccountRules;
import org.placementmatcher.security.Accounts;
import org.placementmatcher.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code add-user}: a local account added straight to the service's database (the same settings as the service:
 * PLACEMENT_DATA_DIR, PLACEMENT_DB_KIND, ...), for an operator who has no administrator to ask, e.g. after the
 * bootstrap password was lost. With the embedded H2 database the service must be stopped first (one process
 * at a time may open its file); with PostgreSQL it may run.
 */
@Command(
        name = "add-user",
        description = {
            "Adds a user to the service's database (the settings of the service: PLACEMENT_DATA_DIR, PLACEMENT_DB_KIND...).",
            "With the embedded database (the default) stop the service first: its database file admits one process.",
            "Without --password-stdin a random password is made and printed once."
        })
final class AddUserCommand implements Callable<Integer> {

    /** Who added the user, in the account audit: an operator at the command line (no account of their own). */
    static final String CLI_ACTOR = "system:add-user";

    @Mixin
    private HelpOption help;

    @Option(names = "--username", required = true, paramLabel = "NAME", description = "letters, digits and . _ @ -")
    private String username;

    @Option(
            names = "--role",
            required = true,
            paramLabel = "ROLE",
            description = "a role (repeat for more): VIEWER, OFFICER, MANAGER, NOMINATED_OFFICER, DIRECTOR, ADMIN")
    private List<String> roles = new ArrayList<>();

    @Option(
            names = "--authority",
            paramLabel = "CODE",
            description = "an authority code the user may see (repeat for more; * for all)")
    private List<String> authorities = new ArrayList<>();

    @Option(
            names = "--password-stdin",
            description = "read the password from the first line of standard input (at least "
                    + AccountRules.DEFAULT_MIN_PASSWORD_LENGTH + " characters unless "
                    + AccountRules.MIN_PASSWORD_LENGTH_PROPERTY + " says otherwise)")
    private boolean passwordStdin;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> settings;

    AddUserCommand(InputStream in, PrintStream out, PrintStream err, Map<String, String> settings) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.settings = settings;
    }

    @Override
    public Integer call() throws IOException {
        // The service's own settings: the same password rule as the administration API, and the same bcrypt cost.
        SmallRyeConfig config = ServiceConfig.read(settings);
        int minPasswordLength;
        try {
            minPasswordLength = AccountRules.minPasswordLength(config);
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return CommandLine.INVALID;
        }
        ProblemErrors errors = new ProblemErrors();
        AccountRules.checkUsername(errors, "--username", username);
        SortedSet<Role> checkedRoles = AccountRules.checkRoles(errors, "--role", roles);
        SortedSet<String> checkedAuthorities = AccountRules.checkAuthorities(errors, "--authority", authorities);
        String password = null;
        if (passwordStdin) {
            password = firstLine();
            AccountRules.checkPassword(errors, "--password-stdin", password, username, minPasswordLength);
        }
        errors.throwIfAny();
        boolean generated = password == null;
        if (generated) {
            password = AccountRules.generatePassword();
        }
        int cost = config.getOptionalValue("placement.security.bcrypt-cost", Integer.class)
                .orElse(10);
        ServiceDatabase database = ServiceDatabase.of(config);
        Instant now = Instant.now();
        Account account = new Account(
                username,
                BcryptUtil.bcryptHash(password, cost),
                checkedRoles,
                checkedAuthorities,
                true,
                0,
                null,
                now,
                now);
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            if (Accounts.find(connection, username).isPresent()) {
                err.println("error: a user named " + username + " already exists in " + database.where()
                        + " (change it through PATCH /api/admin/users/" + username + ")");
                return CommandLine.INVALID;
            }
            Accounts.insert(connection, account);
            AccountAudit.record(
                    connection,
                    now,
                    CLI_ACTOR,
                    AccountAudit.Action.USER_CREATED,
                    username,
                    AccountAudit.created(account));
            connection.commit();
        } catch (ServiceDatabase.DatabaseInUse e) {
            err.println("error: " + e.getMessage());
            return CommandLine.FAILED;
        } catch (SQLException | FlywayException e) {
            err.println("error: cannot write to the database " + database.where() + " (" + reason(e) + ")");
            return CommandLine.FAILED;
        }
        err.println("added user " + username + " (roles "
                + String.join(", ", checkedRoles.stream().map(Role::name).toList()) + ") to " + database.where());
        if (generated) {
            // Once, on stdout, so it can be piped; never written anywhere else.
            out.println(password);
            err.println("the line above is the new user's password: it is shown only this once");
        }
        return CommandLine.OK;
    }

    private String firstLine() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "" : line;
    }

    private static String reason(Exception e) {
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            return "SQLState " + sql.getSQLState();
        }
        return "see the database's own log";
    }
}
