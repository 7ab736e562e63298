package io.clientworkspace.spring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A JSON value of a request body read as it was sent, for the parts of a body whose shape depends on other data
 * (a form field's properties depend on its {@code kind}, an answer's type on the field it answers), so that the
 * controllers can name the exact path of every problem ({@code fields[3].kind}, {@code answers.budget}) and report
 * them all at once. Numbers are read exactly as {@link BigDecimal} (never through a {@code double}), whatever the
 * host's {@code ObjectMapper} settings. The body is bounded beforehand by {@link JsonBodyLimitAdvice} and
 * Jackson's nesting limit.
 */
@JsonDeserialize(using = JsonInput.Reader.class)
@Schema(description = "any JSON value")
public sealed interface JsonInput {

    /** The JSON type as named in error messages. */
    String typeName();

    /** A JSON string. */
    record Str(String value) implements JsonInput {
        public Str {
            requireNonNull(value, "value must not be null");
        }

        @Override
        public String typeName() {
            return "a string";
        }
    }

    /** A JSON number, exactly as sent. */
    record Num(BigDecimal value) implements JsonInput {
        public Num {
            requireNonNull(value, "value must not be null");
        }

        @Override
        public String typeName() {
            return "a number";
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements JsonInput {
        @Override
        public String typeName() {
            return "a boolean";
        }
    }

    /** A JSON array. */
    record Arr(List<JsonInput> values) implements JsonInput {
        public Arr {
            values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values must not be null")));
        }

        @Override
        public String typeName() {
            return "an array";
        }
    }

    /** A JSON object, in the order its properties were sent. */
    record Obj(Map<String, JsonInput> properties) implements JsonInput {
        public Obj {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(
                    requireNonNull(properties, "properties must not be null")));
        }

        @Override
        public String typeName() {
            return "an object";
        }
    }

    /** JSON {@code null}. */
    record Null() implements JsonInput {
        @Override
        public String typeName() {
            return "null";
        }
    }

    /** Reads any JSON value into a {@link JsonInput}, numbers as exact decimals. */
    final class Reader extends ValueDeserializer<JsonInput> {

        @Override
        public JsonInput deserialize(JsonParser p, DeserializationContext ctxt) {
            return read(p);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return new Null();
        }

        private static JsonInput read(JsonParser p) {
            JsonToken token = p.currentToken();
            if (token == null) {
                token = p.nextToken();
            }
            switch (token) {
                case VALUE_STRING:
                    return new Str(p.getString());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return new Num(p.getDecimalValue());
                case VALUE_TRUE:
                    return new Bool(true);
                case VALUE_FALSE:
                    return new Bool(false);
                case START_ARRAY: {
                    List<JsonInput> values = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        values.add(read(p));
                    }
                    return new Arr(values);
                }
                case START_OBJECT:
                case PROPERTY_NAME: {
                    Map<String, JsonInput> properties = new LinkedHashMap<>();
                    JsonToken t = token == JsonToken.START_OBJECT ? p.nextToken() : token;
                    for (; t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                        String name = p.currentName();
                        p.nextToken();
                        properties.put(name, read(p));
                    }
                    return new Obj(properties);
                }
                default:
                    return new Null();
            }
        }
    }
}
