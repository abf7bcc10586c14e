-- The admin API: an audit record names the user acted upon when that is not the actor (an admin
-- ending a user's sessions), and an admin looks a user's open transfers and prohibitions up by owner.
alter table audit_record add column subject varchar(255);
create index audit_subject on audit_record (subject, at);
create index transfer_owner on transfer (owner_id, status);
create index prohibition_owner on prohibition (owner_id, until_at);
