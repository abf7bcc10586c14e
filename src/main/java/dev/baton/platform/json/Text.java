package dev.baton.platform.json;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A required line of text a person typed: present, 1 to
 * {@link #max()} characters, not blank, no control characters (what {@link Character#isISOControl}
 * names). Each broken part is reported with its own message, which the problem mapper prefixes with
 * the member's name.
 */
@NotNull(message = "is required")
@Size(min = 1, message = "must be 1 to {max} characters")
@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
@Pattern(regexp = "[^\\x00-\\x1F\\x7F-\\x9F]*", message = "must not contain control characters")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Text {

    @OverridesAttribute(constraint = Size.class, name = "max")
    int max();

    String message() default "is not valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
