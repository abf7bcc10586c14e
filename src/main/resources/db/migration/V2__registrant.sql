-- One row per user who has registered a device: registrations of one user lock it, so that
-- concurrent registrations are counted one after the other against the device limit.
create table registrant (
    id  varchar(255) not null primary key
);
insert into registrant (id) select distinct owner_id from device;
