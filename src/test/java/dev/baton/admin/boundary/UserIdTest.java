package dev.baton.admin.boundary;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserIdTest {

    @Test
    void anyNameASubjectCouldHaveIsAUser() {
        for (String name : List.of("alice", "a".repeat(UserId.MAX_LENGTH), "ålice@corp.example", "CN=Alice, O=Bank", "f:3c1e:42")) {
            assertEquals(name, UserId.of(name).value());
        }
    }

    @Test
    void blankTooLongOrControlCharactersAreInvalidRequests() {
        for (String name : List.of("", " ", "a".repeat(UserId.MAX_LENGTH + 1), "alice\u0000", "alice\nbob", "\u007f", "a\u0085b")) {
            BatonException refused = assertThrows(BatonException.class, () -> UserId.of(name), name);
            assertEquals(Problem.INVALID_REQUEST, refused.problem());
        }
    }
}
