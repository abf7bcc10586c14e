package dev.baton.it;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every JAX-RS resource method of Baton's main code, read from its class files (no class is loaded):
 * each named {@code "GET /api/v1/devices/{id}"} as an OpenAPI document names it, from the class's
 * and the method's {@code @Path} under Baton's {@code @ApplicationPath("/")}.
 */
final class ResourceMethods {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH", HEAD.class, "HEAD", OPTIONS.class, "OPTIONS");

    private ResourceMethods() {
    }

    /** Sorted by path, then method. */
    static List<String> all() {
        return List.copyOf(byName().keySet());
    }

    /** The Java method behind each, by name, sorted as {@link #all()}. */
    static SortedMap<String, Method> byName() {
        SortedMap<String, Method> methods = new TreeMap<>(Comparator.comparing((String name) -> name.substring(name.indexOf(' ') + 1))
                .thenComparing(Comparator.naturalOrder()));
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.baton").stream()
                .filter(type -> type.isAnnotatedWith(Path.class))
                .forEach(type -> type.getMethods().forEach(method -> name(type, method).ifPresent(name -> methods.put(name, method.reflect()))));
        return methods;
    }

    private static Optional<String> name(JavaClass type, JavaMethod method) {
        return METHODS.entrySet().stream().filter(http -> method.isAnnotatedWith(http.getKey())).findFirst()
                .map(http -> http.getValue() + " " + template(type.getAnnotationOfType(Path.class).value(),
                        method.tryGetAnnotationOfType(Path.class).map(Path::value).orElse("")));
    }

    /** {@code "/" + class + "/" + method}, slashes single, none at the end, {@code {id: regex}} as {@code {id}}. */
    static String template(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
