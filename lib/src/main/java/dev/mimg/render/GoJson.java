package dev.mimg.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Compact JSON as Go's encoding/json writes it (keys in map order here; Go sorts map keys). */
final class GoJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper(new JsonFactory().setCharacterEscapes(new GoJsonEscapes()));

    private GoJson() {
    }

    /** Serializes {@code value}; {@code null} becomes {@code null}. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateException("json: " + e.getOriginalMessage());
        }
    }
}
