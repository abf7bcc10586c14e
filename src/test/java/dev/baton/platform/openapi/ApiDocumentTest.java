package dev.baton.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiDocumentTest {

    private final ApiDocument filter = new ApiDocument();

    @Test
    void enumValuesReadAsJsonBWritesThem() {
        Schema status = filter.filterSchema(OASFactory.createSchema().enumeration(List.of("AWAITING_APPROVAL", "PENDING")));

        assertEquals(List.of("awaiting-approval", "pending"), status.getEnumeration());
        assertEquals(Schema.SchemaType.STRING, status.getType());
    }

    @Test
    void everyMemberIsRequiredUnlessNullableAndNoOtherIsAllowed() {
        Schema record = filter.filterSchema(OASFactory.createSchema()
                .addProperty("id", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("lastSeenAt", OASFactory.createSchema().type(Schema.SchemaType.STRING).nullable(true)));

        assertEquals(List.of("id"), record.getRequired());
        assertEquals(Boolean.FALSE, record.getAdditionalPropertiesBoolean());
    }

    @Test
    void aSchemaThatSaysWhatElseItTakesIsLeftAsItIs() {
        Schema problem = filter.filterSchema(OASFactory.createSchema().additionalPropertiesBoolean(true)
                .addProperty("code", OASFactory.createSchema().type(Schema.SchemaType.STRING)));

        assertNull(problem.getRequired());
        assertEquals(Boolean.TRUE, problem.getAdditionalPropertiesBoolean());
    }

    @Test
    void refusalsAreGroupedByStatusWithTheirCodesBesideThoseEveryCallMeets() {
        Operation claim = operation(ApiDocument.REFUSALS, "claim-code-invalid, restore-token-invalid,transfer-gone");
        OpenAPI document = document("/api/v1/transfers/{id}/claim", claim);

        filter.filterOpenAPI(document);

        Map<String, APIResponse> answers = claim.getResponses().getAPIResponses();
        assertEquals(List.of("200", "401", "403", "409", "410", "429", "503"), List.copyOf(answers.keySet()));
        assertEquals(List.of("claim-code-invalid", "restore-token-invalid"), codes(answers.get("403")));
        assertEquals(List.of("unauthenticated"), codes(answers.get("401")));
        assertEquals(List.of("rate-limited"), codes(answers.get("429")));
        assertEquals(List.of("concurrent-modification"), codes(answers.get("409")));
        assertTrue(answers.get("429").getHeaders().containsKey("Retry-After"));
        assertTrue(answers.get("503").getHeaders().containsKey("Retry-After"));
        assertTrue(answers.get("401").getHeaders().containsKey("WWW-Authenticate"));
        assertEquals(Map.of("type", "urn:baton:problem:transfer-gone", "title", "Transfer gone", "status", 410,
                "detail", "Transfer gone.", "code", "transfer-gone"),
                answers.get("410").getContent().getMediaType("application/problem+json").getExamples().get("transfer-gone").getValue());
        assertFalse(claim.getExtensions().containsKey(ApiDocument.REFUSALS));
    }

    @Test
    void anOperationReadingABodyMeetsTheBodysRefusals() {
        Operation claim = operation(ApiDocument.REFUSALS, "claim-code-invalid").requestBody(OASFactory.createRequestBody());

        filter.filterOpenAPI(document("/api/v1/transfers/{id}/claim", claim));

        Map<String, APIResponse> answers = claim.getResponses().getAPIResponses();
        assertEquals(List.of("200", "400", "401", "403", "408", "409", "413", "415", "429", "503"), List.copyOf(answers.keySet()));
        assertEquals(List.of("invalid-request"), codes(answers.get("400")));
    }

    @Test
    void aReadIsNotRateLimited() {
        Operation get = OASFactory.createOperation().responses(OASFactory.createAPIResponses());
        filter.filterOpenAPI(document("/api/v1/devices", OASFactory.createPathItem().GET(get)));

        assertEquals(List.of("401", "503"), List.copyOf(get.getResponses().getAPIResponses().keySet()));
    }

    @Test
    void anUnknownCodeFailsTheDocument() {
        OpenAPI document = document("/api/v1/transfers/{id}/claim", operation(ApiDocument.REFUSALS, "claim-code-wrong"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> filter.filterOpenAPI(document));
        assertEquals("Unknown problem code 'claim-code-wrong' at POST /api/v1/transfers/{id}/claim", e.getMessage());
    }

    @Test
    void batonHeadersAreTheSharedParametersAndADeviceTokenComesWithItsProof() {
        Operation claim = operation(ApiDocument.REFUSALS, "claim-code-invalid")
                .addParameter(OASFactory.createParameter().name("Baton-Device-Token").in(Parameter.In.HEADER))
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));

        filter.filterOpenAPI(document("/api/v1/transfers/{id}/claim", claim));

        assertEquals(List.of("#/components/parameters/Baton-Device-Token", "#/components/parameters/DPoP", "id"),
                claim.getParameters().stream().map(p -> p.getRef() != null ? p.getRef() : p.getName()).toList());
    }

    @Test
    void pagesOutsideTheApiAreLeftAlone() {
        Operation root = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("What Baton is.")));
        filter.filterOpenAPI(document("/", OASFactory.createPathItem().GET(root)));

        assertEquals(List.of("200"), List.copyOf(root.getResponses().getAPIResponses().keySet()));
    }

    private static Operation operation(String extension, String codes) {
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("Claimed.")))
                .addExtension(extension, codes);
    }

    private static OpenAPI document(String path, Operation post) {
        return document(path, OASFactory.createPathItem().POST(post));
    }

    /** With the shared {@code Problem} schema, as {@code package-info} declares it. */
    private static OpenAPI document(String path, PathItem item) {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema problem = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true)
                .required(List.of("type", "code")).addProperty("type", text).addProperty("code", text);
        return OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("Problem", problem))
                .paths(OASFactory.createPaths().addPathItem(path, item));
    }

    private static List<Object> codes(APIResponse answer) {
        Schema schema = answer.getContent().getMediaType("application/problem+json").getSchema();
        assertEquals(List.of("type", "code"), schema.getRequired());
        assertEquals(Boolean.TRUE, schema.getAdditionalPropertiesBoolean(), "a problem may carry more members");
        return schema.getProperties().get("code").getEnumeration();
    }
}
