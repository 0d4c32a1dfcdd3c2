package org.shequn.shared.web;

import org.shequn.shared.text.ControlCharacters;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are bound strictly, for the whole API at once: a value of the wrong JSON type is refused with
 * its field named (see {@link ErrorHandling}) instead of coerced. Left to Jackson's defaults, {@code {"role": 1}}
 * was the enum's second constant (an admin) and the number 12345678 a password. Text is refused too if it holds
 * control characters ({@link ControlCharacters}). Only the HTTP converter's mapper is strict: the application's
 * own {@link JsonMapper} also reads back what it wrote (outbox events, live messages), which must keep working
 * for data stored before this rule.
 */
@Configuration
@Order(Ordered.LOWEST_PRECEDENCE) // after Boot's MVC configuration (order 0), which installs the default JSON converter
class StrictJson implements WebMvcConfigurer {

    private final JsonMapper json;

    StrictJson(JsonMapper json) {
        this.json = json;
    }

    /**
     * In the JSON converter's own place, for reading and writing. (A converter bean would be added ahead of
     * the string converter and write the OpenAPI document, a String, as one JSON string.)
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strict(json)));
    }

    static JsonMapper strict(JsonMapper json) {
        return json.rebuild()
                // no "10" for a number, no 1 for a boolean, no 1.5 cut to 1, no number for an enum constant
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SimpleModule("shequn-strict-text").addDeserializer(String.class, new TextOnly()))
                .build();
    }

    /** A JSON string and nothing else (no number, boolean, object or array turned into text). */
    static final class TextOnly extends StdScalarDeserializer<String> {

        TextOnly() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            var text = p.getString();
            if (ControlCharacters.in(text)) {
                throw new ControlCharacterInText(p);
            }
            return text;
        }
    }

    /** Text with a control character; {@link ErrorHandling} names its field with the matching message. */
    static final class ControlCharacterInText extends MismatchedInputException {

        ControlCharacterInText(JsonParser p) {
            super(p, "text holds a control character", String.class);
        }
    }
}
