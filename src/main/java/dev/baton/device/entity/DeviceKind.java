package dev.baton.device.entity;

import java.util.Locale;

public enum DeviceKind {
    DESKTOP, LAPTOP, PHONE, TABLET, OTHER;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
