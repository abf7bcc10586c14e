package dev.baton.device.boundary;

/**
 * The header that names the calling device: its device token, shown once at registration. Every call
 * made for a device carries it beside the user's bearer token.
 */
public final class DeviceHeaders {

    public static final String DEVICE_TOKEN = "Baton-Device-Token";

    private DeviceHeaders() {
    }
}
