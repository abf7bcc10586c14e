package dev.baton.device.boundary;

/** The request headers that carry Baton's own credentials (DESIGN.md §2). */
public final class DeviceHeaders {

    public static final String DEVICE_TOKEN = "Baton-Device-Token";
    public static final String SESSION_TOKEN = "Baton-Session-Token";
    public static final String SESSION_INFO = "Baton-Session-Info";

    private DeviceHeaders() {
    }
}
