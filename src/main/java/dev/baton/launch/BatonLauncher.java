package dev.baton.launch;

import dev.baton.demo.DemoMode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The main class of {@code target/baton.jar}. The HTTP listener's address must be fixed before
 * Payara Micro boots (changing a running listener can leave it dead), and whether it may listen
 * beyond loopback depends on demo mode: so this decides the address, leaves it where the pre-boot
 * commands read it ({@link DemoMode#LISTEN_ADDRESS}), and hands over to Payara Micro's own main.
 * The build puts this class and {@link DemoMode} into the jar's root (pom.xml).
 */
public final class BatonLauncher {

    private static final String PAYARA_MICRO = "fish.payara.micro.PayaraMicro";

    private BatonLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        System.setProperty(DemoMode.LISTEN_ADDRESS, DemoMode.listenAddress());
        MethodHandle payaraMain = MethodHandles.publicLookup()
                .findStatic(Class.forName(PAYARA_MICRO), "main", MethodType.methodType(void.class, String[].class));
        payaraMain.invokeExact(args);
    }
}
