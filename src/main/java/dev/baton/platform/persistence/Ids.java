package dev.baton.platform.persistence;

import java.util.regex.Pattern;

/** Baton's resource ids are UUIDs; anything else names nothing and is never sent to the database. */
public final class Ids {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && UUID.matcher(id).matches();
    }
}
