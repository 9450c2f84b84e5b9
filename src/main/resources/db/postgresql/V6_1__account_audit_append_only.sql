-- PostgreSQL only, like V1_1 and V4_1: the account audit (V6) refuses UPDATE and DELETE from anyone.
CREATE FUNCTION account_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'account_audit is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER account_audit_no_update_or_delete
    BEFORE UPDATE OR DELETE ON account_audit
    FOR EACH STATEMENT EXECUTE FUNCTION account_audit_append_only();
