package org.placementmatcher.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.ContractJson;

/**
 * The record of changes to local accounts: who created, changed or deleted which account, when, and the fields
 * that changed with their new values (a password only as "changed"). Written in the transaction of the change.
 */
public final class AccountAudit {

    public enum Action {
        USER_CREATED,
        USER_CHANGED,
        USER_DELETED
    }

    /** One entry, as {@code GET /api/admin/users/{username}/audit} shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long seq, Instant recordedAt, String actor, Action action, String username, JsonNode detail) {}

    private AccountAudit() {}

    public static void record(
            Connection c, Instant at, String actor, Action action, String username, Map<String, Object> detail)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account_audit (recorded_at, actor, action,"
                + " username, detail_json) VALUES (?, ?, ?, ?, ?)")) {
            Accounts.setTime(insert, 1, at);
            insert.setString(2, actor);
            insert.setString(3, action.name());
            insert.setString(4, username);
            insert.setString(5, detail.isEmpty() ? null : json(detail));
            insert.executeUpdate();
        }
    }

    /** The entries about one account, oldest first (also after it was deleted). */
    static List<Entry> of(Connection c, String username) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT seq, recorded_at, actor, action, username,"
                + " detail_json FROM account_audit WHERE username = ? ORDER BY seq")) {
            select.setString(1, username);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String detail = rs.getString("detail_json");
                    entries.add(new Entry(
                            rs.getLong("seq"),
                            Accounts.getTime(rs, "recorded_at"),
                            rs.getString("actor"),
                            Action.valueOf(rs.getString("action")),
                            rs.getString("username"),
                            detail == null ? null : ContractJson.mapper().readTree(detail)));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("an account audit entry is not JSON", e);
            }
            return entries;
        }
    }

    /** What the account audit keeps of a new account: its roles, authorities and whether enabled. */
    public static Map<String, Object> created(Account account) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("roles", account.roles());
        fields.put("authorities", account.authorities());
        fields.put("enabled", account.enabled());
        return fields;
    }

    /** The fields a change made, with their new values; a new password only as changed, never its value. */
    static Map<String, Object> changed(Account before, Account after) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!before.roles().equals(after.roles())) {
            fields.put("roles", after.roles());
        }
        if (!before.authorities().equals(after.authorities())) {
            fields.put("authorities", after.authorities());
        }
        if (before.enabled() != after.enabled()) {
            fields.put("enabled", after.enabled());
        }
        if (!before.passwordHash().equals(after.passwordHash())) {
            fields.put("password", "changed");
        }
        if (before.lockedUntil() != null && after.lockedUntil() == null) {
            fields.put("unlocked", true);
        }
        return fields;
    }

    private static String json(Map<String, Object> detail) throws SQLException {
        try {
            return ContractJson.mapper().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new SQLException("an account audit detail could not be written", e);
        }
    }
}
