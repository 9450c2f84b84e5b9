package org.placementmatcher.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;

/**
 * The fixed test accounts every branch's tests use (created in the test profile by {@link TestAccountsSetup}):
 * one per role, two confined to authority {@value #OTHER_AUTHORITY}, three each holding one member authority of the
 * shared register {@value #SHARED_REGISTER}, all with password {@value #PASSWORD}.
 */
public final class TestAccounts {

    public static final String PASSWORD = "Test-password-1";
    public static final String OTHER_AUTHORITY = "E99999999";

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    public static final String OFFICER = "officer";
    public static final String MANAGER = "manager";
    public static final String NOMINATED_OFFICER = "nominated-officer";
    public static final String DIRECTOR = "director";
    public static final String OTHER_OFFICER = "other-officer";
    public static final String OTHER_DIRECTOR = "other-director";

    /** The shared register of the test profile and its member authorities (contract section 8). */
    public static final String SHARED_REGISTER = "SHARED-CO";

    public static final String COUNCIL_A = "COUNCIL-A";
    public static final String COUNCIL_B = "COUNCIL-B";
    public static final String COUNCIL_C = "COUNCIL-C";

    /** Users of one member authority each of {@value #SHARED_REGISTER}. */
    public static final String COUNCIL_A_DIRECTOR = "council-a-director";

    public static final String COUNCIL_B_DIRECTOR = "council-b-director";
    public static final String COUNCIL_C_OFFICER = "council-c-officer";

    /** One test account: its name, its one role, its authorities. */
    public record TestAccount(String username, Role role, Set<String> authorities) {}

    public static final List<TestAccount> ALL = List.of(
            new TestAccount(ADMIN, Role.ADMIN, Set.of()),
            new TestAccount(VIEWER, Role.VIEWER, Set.of(Role.ANY_AUTHORITY)),
            new TestAccount(OFFICER, Role.OFFICER, Set.of(Role.ANY_AUTHORITY)),
            new TestAccount(MANAGER, Role.MANAGER, Set.of(Role.ANY_AUTHORITY)),
            new TestAccount(NOMINATED_OFFICER, Role.NOMINATED_OFFICER, Set.of(Role.ANY_AUTHORITY)),
            new TestAccount(DIRECTOR, Role.DIRECTOR, Set.of(Role.ANY_AUTHORITY)),
            new TestAccount(OTHER_OFFICER, Role.OFFICER, Set.of(OTHER_AUTHORITY)),
            new TestAccount(OTHER_DIRECTOR, Role.DIRECTOR, Set.of(OTHER_AUTHORITY)),
            new TestAccount(COUNCIL_A_DIRECTOR, Role.DIRECTOR, Set.of(COUNCIL_A)),
            new TestAccount(COUNCIL_B_DIRECTOR, Role.DIRECTOR, Set.of(COUNCIL_B)),
            new TestAccount(COUNCIL_C_OFFICER, Role.OFFICER, Set.of(COUNCIL_C)));

    private TestAccounts() {}

    /** The test account of that name. */
    public static TestAccount named(String username) {
        return ALL.stream()
                .filter(account -> account.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test account " + username));
    }

    /** A request signed in as the user with HTTP Basic, sent at once (preemptive), with the test password. */
    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
