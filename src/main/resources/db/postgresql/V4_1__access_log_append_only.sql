-- PostgreSQL only, like V1_1 for the audit log: the access log (V4) refuses UPDATE and DELETE from anyone,
-- so who read which child's record cannot be rewritten afterwards.
CREATE FUNCTION access_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER access_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
