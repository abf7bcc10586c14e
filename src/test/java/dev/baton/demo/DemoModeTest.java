package dev.baton.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DemoModeTest {

    @AfterEach
    void forget() {
        System.clearProperty("baton.demo");
        System.clearProperty("baton.demo.listen-on-network");
        System.clearProperty("mp.jwt.verify.issuer");
    }

    @Test
    void demoModeListensOnLoopbackOnly() {
        System.setProperty("baton.demo", "true");
        assertEquals("127.0.0.1", DemoMode.listenAddress());
    }

    @Test
    void theSettingOpensDemoModeToTheNetwork() {
        System.setProperty("baton.demo", "true");
        System.setProperty("baton.demo.listen-on-network", "true");
        assertEquals("0.0.0.0", DemoMode.listenAddress());
    }

    @Test
    void withoutDemoModeBatonListensOnEveryInterface() {
        assertEquals("0.0.0.0", DemoMode.listenAddress());
        System.setProperty("baton.demo", "true");
        System.setProperty("mp.jwt.verify.issuer", "https://sso.example");
        assertFalse(DemoMode.enabled());
        assertEquals("0.0.0.0", DemoMode.listenAddress());
    }
}
