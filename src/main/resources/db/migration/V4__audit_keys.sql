-- The keyed audit: each record is sealed as it is written, mac = HMAC of its content under the
-- audit key named by key_id (the key lives outside the database), and its chain hash becomes an
-- HMAC under the same key. Records chained before this version are sealed at the next start if
-- their unkeyed chain is intact (AuditLinks.resealUnkeyed).
alter table audit_record add column key_id varchar(16);
alter table audit_record add column mac varchar(64);
