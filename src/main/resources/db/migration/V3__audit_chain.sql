-- The tamper-evident audit: each record is number `seq` of one chain and carries a hash over its
-- content and the previous record's hash. audit_chain holds the chain's head; appending locks it,
-- so records are numbered in commit order across all nodes. Records written before this
-- migration stay outside the chain (seq null).
alter table audit_record add column seq bigint;
alter table audit_record add column prev_hash varchar(64);
alter table audit_record add column hash varchar(64);
create unique index audit_record_seq on audit_record (seq);

create table audit_chain (
    id         integer     not null primary key,
    last_seq   bigint      not null,
    last_hash  varchar(64) not null
);
insert into audit_chain (id, last_seq, last_hash) values (1, 0, '-');
