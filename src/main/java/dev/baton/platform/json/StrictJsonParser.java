package dev.baton.platform.json;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parser that refuses, as the events pass, what JSON-P lets through: a body that is not one
 * object, nesting deeper than {@value #MAX_DEPTH} levels, a name twice in one object.
 * It remembers the member being read ({@link #field()}), so a refusal made after it (by JSON-B, by
 * a type check) can name it. {@code getObject}, {@code getArray} and {@code getValue} are built from
 * this parser's own events, so a nested object (a JWK) gets the same checks.
 */
final class StrictJsonParser implements JsonParser {

    static final int MAX_DEPTH = 64;

    /** Marks an array's level; nothing is added to it, since arrays have no names. */
    private static final Set<String> NOT_AN_OBJECT = Set.of();

    private final JsonParser parser;
    private final Problem onError;
    /** One entry per open object or array: the names seen so far, or {@link #NOT_AN_OBJECT}. */
    private final Deque<Set<String>> open = new ArrayDeque<>();
    private final Deque<String> path = new ArrayDeque<>();
    private Event current;
    private boolean started;
    private String member = "";

    StrictJsonParser(JsonParser parser, Problem onError) {
        this.parser = parser;
        this.onError = onError;
    }

    /** The member last named, as a dotted path from the body ({@code publicKey.kty}); empty before the first. */
    String field() {
        List<String> names = new ArrayList<>(path);
        Collections.reverse(names);
        return names.stream().filter(name -> !name.isEmpty()).collect(Collectors.joining("."));
    }

    /**
     * The member of the body whose value was begun last: where JSON-B, finding a value of the wrong
     * shape (a string where a list belongs), has already read past it.
     */
    String member() {
        return member;
    }

    /** Whether the body has begun with an object. */
    boolean started() {
        return current != null;
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        if (!started) {
            started = true;
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                throw new BatonException(onError, "Expected a JSON object.");
            }
            enter(Event.START_OBJECT);
            current = Event.START_OBJECT;
            return current;
        }
        Event event = parser.next();
        if (open.size() == 1 && event != Event.KEY_NAME && event != Event.END_OBJECT) {
            member = path.peek();
        }
        switch (event) {
            case START_OBJECT, START_ARRAY -> enter(event);
            case END_OBJECT, END_ARRAY -> leave();
            case KEY_NAME -> name(parser.getString());
            default -> { }
        }
        current = event;
        return event;
    }

    private void enter(Event event) {
        if (open.size() >= MAX_DEPTH) {
            throw new BatonException(onError, "Nested deeper than " + MAX_DEPTH + " levels.");
        }
        open.push(event == Event.START_OBJECT ? new HashSet<>() : NOT_AN_OBJECT);
        path.push("");
    }

    private void leave() {
        open.pop();
        path.pop();
    }

    private void name(String name) {
        path.pop();
        path.push(name);
        if (!open.peek().add(name)) {
            throw new BatonException(onError, "'" + field() + "' appears more than once.");
        }
    }

    @Override
    public Event currentEvent() {
        return current;
    }

    @Override
    public String getString() {
        return parser.getString();
    }

    @Override
    public boolean isIntegralNumber() {
        return parser.isIntegralNumber();
    }

    @Override
    public int getInt() {
        return parser.getInt();
    }

    @Override
    public long getLong() {
        return parser.getLong();
    }

    @Override
    public BigDecimal getBigDecimal() {
        return parser.getBigDecimal();
    }

    @Override
    public JsonLocation getLocation() {
        return parser.getLocation();
    }

    @Override
    public JsonValue getValue() {
        return switch (current) {
            case START_OBJECT -> getObject();
            case START_ARRAY -> getArray();
            case VALUE_STRING -> Jsons.JSON.createValue(getString());
            case VALUE_NUMBER -> Jsons.JSON.createValue(getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new IllegalStateException("No value at " + current);
        };
    }

    @Override
    public JsonObject getObject() {
        JsonObjectBuilder object = Jsons.JSON.createObjectBuilder();
        while (next() == Event.KEY_NAME) {
            String name = getString();
            next();
            object.add(name, getValue());
        }
        return object.build();
    }

    @Override
    public JsonArray getArray() {
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        while (next() != Event.END_ARRAY) {
            array.add(getValue());
        }
        return array.build();
    }

    @Override
    public void skipObject() {
        skip();
    }

    @Override
    public void skipArray() {
        skip();
    }

    /** Reads through to the end of the object or array begun, checking as everywhere else. */
    private void skip() {
        int level = open.size();
        while (open.size() >= level) {
            next();
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
