-- Local accounts (contract section 6): who may sign in, with which roles and for which authorities.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode. H2 counts a VARCHAR's length in UTF-16 units,
-- PostgreSQL in characters: 200 holds the contract's 100-character codes on both (see V2).
-- Passwords are kept only as a bcrypt hash in Modular Crypt Format ("$2a$" + cost + salt + hash, 60 characters).
-- failed_attempts counts failed sign-ins in a row; five lock the account until locked_until.
CREATE TABLE account (
    username        VARCHAR(200)             NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(200)             NOT NULL,
    enabled         BOOLEAN                  NOT NULL,
    failed_attempts INTEGER                  NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Roles as stored (security.Role names); inclusion between data roles is applied at authorisation.
CREATE TABLE account_role (
    username VARCHAR(200) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    role     VARCHAR(32)  NOT NULL,
    PRIMARY KEY (username, role)
);

-- Authority codes the account may see ("*": all).
CREATE TABLE account_authority (
    username  VARCHAR(200) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    authority VARCHAR(200) NOT NULL,
    PRIMARY KEY (username, authority)
);
