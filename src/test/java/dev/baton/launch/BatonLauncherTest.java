package dev.baton.launch;

import dev.baton.platform.logging.BatonLogFormatter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BatonLauncherTest {

    @Test
    void payarasConsoleGetsBatonsFormatterAndKeepsItsLevels() {
        String payara = "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter\n"
                + "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=true\n"
                + ".level=INFO\ncom.hazelcast.level=WARNING\n";
        assertEquals("handlers=java.util.logging.ConsoleHandler\n.level=INFO\ncom.hazelcast.level=WARNING\n"
                + "java.util.logging.ConsoleHandler.formatter=dev.baton.platform.logging.BatonLogFormatter\n", BatonLauncher.loggingProperties(payara));
    }

    @Test
    void aLoggingConfigurationOrALogFileOnTheCommandLineIsLeftAlone() throws Exception {
        String[] args = {"--port", "9090", "--logproperties", "/etc/baton/logging.properties"};
        assertArrayEquals(args, BatonLauncher.withLogging(args));
        String[] toFile = {"--logToFile", "/var/log/baton.log"};
        assertArrayEquals(toFile, BatonLauncher.withLogging(toFile));
    }
}
