package dev.baton.platform.http;

import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorsFilterTest {

    @Test
    void exactOriginsAreTaken() {
        assertEquals(Set.of("https://portal.corp.example", "http://localhost:3000"),
                CorsFilter.origins(" https://portal.corp.example ,http://localhost:3000,"));
    }

    @Test
    void anythingButAnExactOriginIsRefused() {
        for (String wrong : new String[] {"*", "null", "portal.corp.example", "https://portal.corp.example/",
            "https://portal.corp.example/app", "https://*.corp.example", "ftp://portal.corp.example",
            "https://user@portal.corp.example", "https://portal.corp.example?x=1"}) {
            assertThrows(IllegalArgumentException.class, () -> CorsFilter.origins(wrong), wrong);
        }
    }
}
