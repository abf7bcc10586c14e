package dev.baton.transfer.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every five seconds, on every node, expires the open transfers past their time, so that their
 * devices hear {@code transfer-expired} even when nobody asks for the transfer again (a call that
 * finds one past its time expires it on the spot). Each transfer is locked and expired only if it
 * is still open, so one node acts on it.
 */
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TransferSweep {

    @Inject
    TransferService transfers;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void sweep() {
        transfers.expireDue();
    }
}
