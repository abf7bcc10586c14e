package dev.baton.admin.boundary;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import java.util.Objects;

/**
 * A user as the identity provider names them (the JWT subject), taken from a URL. Baton keeps no
 * list of users, so any name that could be a subject is one: 1 to {@value #MAX_LENGTH} characters
 * (the width of an owner column), no control characters.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        Objects.requireNonNull(value);
    }

    /** The user named by {@code text}, or {@code invalid-request}. */
    public static UserId of(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new BatonException(Problem.INVALID_REQUEST,
                    "The user must be 1 to " + MAX_LENGTH + " characters, none of them control characters.");
        }
        return new UserId(text);
    }
}
