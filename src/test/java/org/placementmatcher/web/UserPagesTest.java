package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.Account;
import org.placementmatcher.security.AccountStore;
import org.placementmatcher.security.Role;
import org.placementmatcher.security.TestAccounts;

/** The users pages: ADMIN only, the API's field errors, the last-ADMIN protection, a deletion confirmed. */
@QuarkusTest
class UserPagesTest {

    @Inject
    AccountStore accounts;

    /** A form POST as the admin, with the CSRF token of the page the form is on. */
    static Response post(String formPage, String action, Map<String, ?> fields) {
        RequestSpecification request =
                PageForms.form(TestAccounts.ADMIN, formPage).contentType(ContentType.URLENC);
        fields.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                request.formParam(name, values.toArray());
            } else {
                request.formParam(name, value);
            }
        });
        return request.post(action);
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void anAdminAddsChangesAndDeletesAUser() {
        assertThat(TestAccounts.as(TestAccounts.ADMIN)
                        .get("/users")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(">viewer</a>")
                .contains("all authorities (*)");

        String name = unique("page-user");
        Response bad = post(
                "/users/new",
                "/users",
                Map.of(
                        "username",
                        name,
                        "password",
                        "short",
                        "roles",
                        List.of("KING"),
                        "authorities",
                        "E1 " + "E".repeat(300)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString())
                .contains("<title>Error: Add a user")
                .contains("govuk-error-summary")
                .contains("<a href=\"#password\">Password is too weak: at least 12 characters</a>")
                .as("the hint names the configured minimum (placement.security.min-password-length, 12)")
                .contains("At least 12 characters, not the username.")
                .contains("<a href=\"#roles\">Roles: unknown role ")
                .contains("<a href=\"#authorities\">Authorities: ")
                .contains("id=\"password-error\"")
                .as("a password is never put back into the form")
                .doesNotContain("value=\"short\"");

        Response created = post(
                "/users/new",
                "/users",
                Map.of(
                        "username", name,
                        "password", "Page-user-password-1",
                        "roles", List.of("VIEWER"),
                        "authorities", "E10000003, E06000031",
                        "enabled", "true"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/users/" + name + "?created=1");
        String page = TestAccounts.as(TestAccounts.ADMIN)
                .get("/users/" + name + "?created=1")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("User " + name + " created")
                .contains("Peterborough (E06000031), Cambridgeshire (E10000003)")
                .contains("<td class=\"govuk-table__cell\">Created</td>")
                .contains("At least 12 characters, not the username.")
                .doesNotContain("Page-user-password-1");

        Response taken = post(
                "/users/new",
                "/users",
                Map.of("username", name, "password", "Page-user-password-1", "roles", List.of("VIEWER")));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.asString())
                .contains("<a href=\"#username\">Username a user with this username already exists");

        Response changed = post(
                "/users/" + name,
                "/users/" + name,
                Map.of("roles", List.of("OFFICER", "MANAGER"), "authorities", "E10000003", "enabled", "true"));
        assertThat(changed.statusCode()).isEqualTo(303);
        Account account = accounts.find(name).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.OFFICER, Role.MANAGER);
        assertThat(account.authorities()).containsExactly("E10000003");
        assertThat(account.enabled()).isTrue();

        assertThat(TestAccounts.as(TestAccounts.ADMIN)
                        .get("/users/" + name + "/delete")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("Are you sure you want to delete user " + name + "?");
        Response deleted = post("/users/" + name + "/delete", "/users/" + name + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.header("Location")).endsWith("/users?deleted=" + name);
        assertThat(accounts.find(name)).isEmpty();
        TestAccounts.as(TestAccounts.ADMIN)
                .get("/users/" + name)
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML);
    }

    @Test
    void theLastEnabledAdminIsRefusedOnThePage() {
        // Only admin holds ADMIN among the test accounts; another test's leftover administrator is disabled first.
        accounts.list().stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.ADMIN))
                .filter(a -> !a.username().equals(TestAccounts.ADMIN))
                .forEach(a -> accounts.update(
                        a.username(),
                        before -> new Account(
                                before.username(),
                                before.passwordHash(),
                                before.roles(),
                                before.authorities(),
                                false,
                                before.failedAttempts(),
                                before.lockedUntil(),
                                before.createdAt(),
                                before.updatedAt()),
                        "test-setup"));
        Response demoted = post("/users/admin", "/users/admin", Map.of("roles", List.of("VIEWER"), "enabled", "true"));
        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.asString())
                .contains("govuk-error-summary")
                .contains("refused: admin is the last enabled user with role ADMIN");
        Response deleted = post("/users/admin/delete", "/users/admin/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(409);
        assertThat(deleted.asString()).contains("refused: admin is the last enabled user with role ADMIN");
        assertThat(accounts.find(TestAccounts.ADMIN).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void onlyAnAdminMayOpenThem() {
        for (String path : List.of("/users", "/users/new", "/users/viewer", "/users/viewer/delete")) {
            assertThat(TestAccounts.as(TestAccounts.DIRECTOR)
                            .get(path)
                            .then()
                            .statusCode(403)
                            .contentType(ContentType.HTML)
                            .extract()
                            .asString())
                    .as(path)
                    .contains("You cannot do this");
        }
        TestAccounts.as(TestAccounts.VIEWER)
                .contentType(ContentType.URLENC)
                .formParam("roles", "ADMIN")
                .post("/users/viewer")
                .then()
                .statusCode(403);
        assertThat(accounts.find(TestAccounts.VIEWER).orElseThrow().roles()).containsExactly(Role.VIEWER);
        given().auth().none().redirects().follow(false).get("/users").then().statusCode(302);
        TestAccounts.as(TestAccounts.ADMIN).get("/users/no-such-user").then().statusCode(404);
    }
}
