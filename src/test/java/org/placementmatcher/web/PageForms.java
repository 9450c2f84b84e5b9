package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.placementmatcher.security.TestAccounts;

/**
 * Test aid: posting a page's form as a user, the way a browser does: the page is fetched first for its CSRF cookie
 * and hidden token field (quarkus-rest-csrf), then the form is posted with both. Redirects are not followed, so a
 * test sees the 303 of POST-redirect-GET.
 */
public final class PageForms {

    private static final String CSRF = "csrf-token";
    private static final Pattern TOKEN_FIELD = Pattern.compile("name=\"" + CSRF + "\" value=\"([^\"]+)\"");

    private PageForms() {}

    /** GETs {@code page} as {@code username}, then POSTs {@code fields} to {@code action} with the page's token. */
    public static Response post(String username, String page, String action, Map<String, String> fields) {
        return post(username, username, page, action, fields);
    }

    /**
     * As {@link #post(String, String, String, Map)}, with the page fetched by {@code pageUser}: how a test posts as
     * a user whose page shows no form (the refusal must still come from the server).
     */
    public static Response post(
            String username, String pageUser, String page, String action, Map<String, String> fields) {
        return form(username, pageUser, page)
                .contentType(ContentType.URLENC)
                .formParams(fields)
                .post(action);
    }

    /**
     * A request as {@code username} carrying the CSRF cookie and token of {@code page}, redirects not followed:
     * the test adds its fields (or, with a multipart content type, its parts) and posts.
     */
    public static RequestSpecification form(String username, String page) {
        return form(username, username, page);
    }

    /** As {@link #form(String, String)}, with the page fetched by {@code pageUser}. */
    public static RequestSpecification form(String username, String pageUser, String page) {
        Response form = TestAccounts.as(pageUser).get(page);
        String cookie = form.getCookie(CSRF);
        Matcher token = TOKEN_FIELD.matcher(form.asString());
        assertThat(cookie).as("the CSRF cookie of " + page).isNotNull();
        assertThat(token.find()).as("a form with a CSRF token on " + page).isTrue();
        return TestAccounts.as(username)
                .redirects()
                .follow(false)
                .cookie(CSRF, cookie)
                .formParam(CSRF, token.group(1));
    }
}
