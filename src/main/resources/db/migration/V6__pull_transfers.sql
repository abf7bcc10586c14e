-- Pull transfers ("continue here", DESIGN.md 8.6): the target device asks for a session and the
-- holding device approves. Until then a pull has no session information and no claim code, and its
-- status (AWAITING_APPROVAL) is longer than the old column. Rows from before are pushes.
alter table transfer add column direction varchar(8) default 'PUSH' not null;
alter table transfer alter column status set data type varchar(24);
alter table transfer alter column session_info drop not null;
alter table transfer alter column claim_code_hash drop not null;
