package dev.baton.launch;

import dev.baton.demo.DemoMode;
import dev.baton.platform.logging.BatonLogFormatter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of {@code target/baton.jar}. The HTTP listener's address must be fixed before
 * Payara Micro boots (changing a running listener can leave it dead), and whether it may listen
 * beyond loopback depends on demo mode: so this decides the address, leaves it where the pre-boot
 * commands read it ({@link DemoMode#LISTEN_ADDRESS}), and hands over to Payara Micro's own main.
 * It also gives Payara Micro a logging configuration whose console lines are Baton's
 * ({@link BatonLogFormatter}: one line per event, text or JSON as {@code baton.log.format} says),
 * unless the command line names one ({@code --logproperties}) or asks for Payara's log file.
 * The build puts this class, {@link BatonLogFormatter} and {@link DemoMode} into the jar's root (pom.xml).
 */
public final class BatonLauncher {

    private static final String PAYARA_MICRO = "fish.payara.micro.PayaraMicro";
    private static final String LOG_PROPERTIES = "--logproperties";
    /** Payara Micro's own logging configuration, inside the jar. */
    private static final String PAYARA_LOGGING = "MICRO-INF/domain/logging.properties";
    private static final String CONSOLE_FORMATTER = "java.util.logging.ConsoleHandler.formatter";

    private BatonLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        System.setProperty(DemoMode.LISTEN_ADDRESS, DemoMode.listenAddress());
        MethodHandle payaraMain = MethodHandles.publicLookup()
                .findStatic(Class.forName(PAYARA_MICRO), "main", MethodType.methodType(void.class, String[].class));
        payaraMain.invokeExact(withLogging(args));
    }

    /**
     * {@code args}, plus {@code --logproperties} naming Baton's logging configuration, unless they
     * name one or ask for Payara's log file ({@code --logtofile}, which Payara ignores next to a
     * logging configuration).
     */
    static String[] withLogging(String[] args) throws IOException {
        if (Arrays.stream(args).anyMatch(arg -> arg.equalsIgnoreCase(LOG_PROPERTIES) || arg.equalsIgnoreCase("--logtofile"))) {
            return args;
        }
        Path file = Files.createTempFile("baton-logging-", ".properties");
        file.toFile().deleteOnExit();
        Files.writeString(file, loggingProperties(payaraLogging()), StandardCharsets.ISO_8859_1);
        // The JDK's own logging reads it too, so the lines before Payara's logging service starts are Baton's as well.
        if (System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.config.file", file.toString());
        }
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add(LOG_PROPERTIES);
        all.add(file.toString());
        return all.toArray(String[]::new);
    }

    /** Payara Micro's logging configuration with Baton's formatter on the console; levels as Payara has them. */
    static String loggingProperties(String payara) {
        StringBuilder out = new StringBuilder();
        for (String line : payara.split("\\R")) {
            if (!line.startsWith(CONSOLE_FORMATTER) && !line.startsWith("com.sun.enterprise.server.logging.ODLLogFormatter.")) {
                out.append(line).append('\n');
            }
        }
        return out.append(CONSOLE_FORMATTER).append('=').append(BatonLogFormatter.class.getName()).append('\n').toString();
    }

    private static String payaraLogging() throws IOException {
        try (InputStream in = BatonLauncher.class.getClassLoader().getResourceAsStream(PAYARA_LOGGING)) {
            if (in == null) {
                return "handlers=java.util.logging.ConsoleHandler\njava.util.logging.ConsoleHandler.level=FINE\n.level=INFO\n"
                        + "com.hazelcast.level=WARNING\n";
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
