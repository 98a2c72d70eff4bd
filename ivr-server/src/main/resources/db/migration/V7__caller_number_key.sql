-- Secrets every server on this database shares. 'caller-number': the HMAC key of hashed caller
-- numbers, made by the first server that needs it, so all servers hash a number alike.
-- Caller numbers hashed before this version used no key; they stay as they were, and a repeat
-- caller from before is not matched with the same caller after.
CREATE TABLE shared_key (
    name  VARCHAR(40)   NOT NULL PRIMARY KEY,
    value VARBINARY(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
