package dev.baton.device.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A user who registers devices. It holds nothing but its lock: registrations of one user take it
 * first, so that concurrent ones are counted one after the other against the device limit.
 */
@Entity
public class Registrant {

    @Id
    private String id;

    protected Registrant() {
    }

    public Registrant(String id) {
        this.id = id;
    }
}
