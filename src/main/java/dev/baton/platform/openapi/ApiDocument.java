package dev.baton.platform.openapi;

import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document Payara builds from the resources, their records and
 * {@code META-INF/openapi.yaml}, with what holds for the whole API:
 * <ul>
 * <li>enum values as JSON-B writes them ({@code awaiting-approval});</li>
 * <li>every member of a record required, unless it is {@code nullable} — answers write every member,
 * requests leave out only what may be null — and no member besides;</li>
 * <li>each operation's refusals, named by their codes in its {@value #REFUSALS} extension, plus those
 * every API call may meet ({@code unauthenticated}, {@code unavailable} while the database or the identity
 * provider's keys cannot be reached; {@code rate-limited} and {@code concurrent-modification} for writes;
 * {@code invalid-request}, {@code payload-too-large}, {@code unsupported-media-type} and {@code request-timeout}
 * where a body is read), as
 * {@code application/problem+json} answers per status, each code with its example;</li>
 * <li>the Baton headers a resource reads as the shared parameters, and {@code DPoP} beside the device token.</li>
 * </ul>
 * A code that is not one of {@link Problem}'s fails the document: a typo is not published.
 */
public class ApiDocument implements OASFilter {

    /** The operation extension listing the codes it may refuse with, comma-separated. */
    public static final String REFUSALS = "x-baton-refusals";

    private static final String API = "/api/";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.DELETE, PathItem.HttpMethod.PATCH);
    /** Header parameters described once, in {@code package-info}, under their names. */
    private static final Set<String> SHARED_PARAMETERS = Set.of("Baton-Device-Token", "Baton-Session-Token",
            "Baton-Session-Info", "If-Match");
    /** Refusals that tell the client when to come back. */
    private static final Set<Problem> WITH_RETRY_AFTER = Set.of(Problem.RATE_LIMITED, Problem.TOO_MANY_STREAMS,
            Problem.ACCESS_PROHIBITED, Problem.UNAVAILABLE);

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getEnumeration() != null && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
            schema.setType(Schema.SchemaType.STRING);
            schema.setEnumeration(schema.getEnumeration().stream()
                    .map(value -> (Object) ((String) value).toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList());
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty() && schema.getAdditionalPropertiesBoolean() == null
                && schema.getAdditionalPropertiesSchema() == null) {
            schema.setRequired(schema.getProperties().entrySet().stream()
                    .filter(member -> !Boolean.TRUE.equals(member.getValue().getNullable()))
                    .map(Map.Entry::getKey)
                    .toList());
            schema.setAdditionalPropertiesBoolean(false);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Map<String, Schema> components = document.getComponents() == null || document.getComponents().getSchemas() == null
                ? Map.of() : document.getComponents().getSchemas();
        components.values().forEach(schema -> inlineNullableValues(schema, components));
        document.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith(API)) {
                shareParameters(operation);
                addRefusals(operation, refusals(path, method, operation), components.get("Problem"));
            }
        }));
    }

    /**
     * A nullable member typed by a named value schema ({@code Instant}, an enum) comes as
     * {@code allOf: [$ref]} beside {@code nullable: true}, and OpenAPI 3.0 does not carry the
     * {@code nullable} into the reference: a {@code null} would not match. The value schema is copied in
     * instead.
     */
    private static void inlineNullableValues(Schema record, Map<String, Schema> components) {
        if (record.getProperties() == null) {
            return;
        }
        record.getProperties().forEach((name, member) -> {
            if (!Boolean.TRUE.equals(member.getNullable()) || member.getAllOf() == null || member.getAllOf().size() != 1) {
                return;
            }
            String ref = member.getAllOf().get(0).getRef();
            Schema value = ref == null ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (value != null && value.getProperties() == null) {
                member.setAllOf(null);
                member.setType(value.getType());
                member.setFormat(value.getFormat());
                member.setEnumeration(value.getEnumeration() == null ? null : withNull(value.getEnumeration()));
                member.setExample(value.getExample() == null ? member.getExample() : value.getExample());
            }
        });
    }

    /** A nullable enum lists {@code null} among its values, or a validator refuses the {@code null}. */
    private static List<Object> withNull(List<Object> values) {
        List<Object> all = new ArrayList<>(values);
        all.add(null);
        return all;
    }

    private static List<Problem> refusals(String path, PathItem.HttpMethod method, Operation operation) {
        List<Problem> refusals = new ArrayList<>(List.of(Problem.UNAUTHENTICATED, Problem.UNAVAILABLE));
        if (WRITES.contains(method)) {
            refusals.addAll(List.of(Problem.RATE_LIMITED, Problem.CONCURRENT_MODIFICATION));
        }
        if (operation.getRequestBody() != null) {
            refusals.addAll(List.of(Problem.INVALID_REQUEST, Problem.PAYLOAD_TOO_LARGE, Problem.UNSUPPORTED_MEDIA_TYPE,
                    Problem.REQUEST_TIMEOUT));
        }
        Map<String, Object> extensions = operation.getExtensions();
        Object named = extensions == null ? null : extensions.get(REFUSALS);
        if (named != null) {
            Map<String, Problem> byCode = Arrays.stream(Problem.values()).collect(Collectors.toMap(Problem::code, Function.identity()));
            // Payara hands the annotation's value over as a String[] of one.
            String codes = named instanceof String[] values ? String.join(",", values) : named.toString();
            for (String code : codes.split(",")) {
                Problem problem = byCode.get(code.strip());
                if (problem == null) {
                    throw new IllegalStateException("Unknown problem code '" + code.strip() + "' at " + method + " " + path);
                }
                refusals.add(problem);
            }
            operation.removeExtension(REFUSALS);
            // SmallRye copies a method's extensions onto its declared answers and request body too.
            operation.getResponses().getAPIResponses().values().forEach(response -> response.removeExtension(REFUSALS));
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().removeExtension(REFUSALS);
            }
        }
        return refusals;
    }

    private static void shareParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : operation.getParameters()) {
            boolean shared = parameter.getIn() == Parameter.In.HEADER && SHARED_PARAMETERS.contains(parameter.getName());
            parameters.add(shared ? OASFactory.createParameter().ref(parameter.getName()) : parameter);
            if (shared && parameter.getName().equals("Baton-Device-Token")) {
                parameters.add(OASFactory.createParameter().ref("DPoP"));
            }
        }
        operation.setParameters(parameters);
    }

    private static void addRefusals(Operation operation, List<Problem> refusals, Schema shape) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        Map<Integer, List<Problem>> byStatus = refusals.stream()
                .distinct()
                .collect(Collectors.groupingBy(Problem::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, problems) -> responses.addAPIResponse(Integer.toString(status), refusal(problems, shape)));
        operation.setResponses(responses);
    }

    /** A problem answer's members in the order Baton writes them, so that every build writes the same document. */
    private static Map<String, Object> example(Problem problem) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.type());
        example.put("title", problem.title());
        example.put("status", problem.status());
        example.put("detail", problem.title() + ".");
        example.put("code", problem.code());
        return example;
    }

    private static APIResponse refusal(List<Problem> problems, Schema shape) {
        Schema code = OASFactory.createSchema().type(Schema.SchemaType.STRING)
                .enumeration(problems.stream().map(p -> (Object) p.code()).toList());
        // Problem's members with this answer's codes, in one schema: with an allOf of Problem and the
        // codes, validators that close every schema they are given refuse a problem's extra members.
        Map<String, Schema> members = new LinkedHashMap<>(shape.getProperties());
        members.put("code", code);
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).description(shape.getDescription())
                .required(shape.getRequired()).properties(members).additionalPropertiesBoolean(true);
        Map<String, Example> examples = new LinkedHashMap<>();
        problems.forEach(problem -> examples.put(problem.code(), OASFactory.createExample()
                .summary(problem.title())
                .value(example(problem))));
        APIResponse response = OASFactory.createAPIResponse()
                .description(problems.stream().map(p -> "`" + p.code() + "`: " + p.title()).collect(Collectors.joining("; ")))
                .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(schema).examples(examples)));
        if (problems.stream().anyMatch(WITH_RETRY_AFTER::contains)) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
        }
        if (problems.get(0).status() == 401) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().ref("WWW-Authenticate"));
        }
        return response;
    }
}
