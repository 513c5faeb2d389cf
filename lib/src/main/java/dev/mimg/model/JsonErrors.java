package dev.mimg.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's parse errors as one line: its own message and where ("at line 1, column 1"), never the source excerpt. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** One line describing {@code e}: for Jackson errors the original message and the location, else the message. */
    public static String oneLine(Exception e) {
        if (e instanceof JsonProcessingException json) {
            String message = firstLine(json.getOriginalMessage(), json);
            JsonLocation at = json.getLocation();
            return at == null || at.getLineNr() < 1 ? message
                    : message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return firstLine(e.getMessage(), e);
    }

    private static String firstLine(String message, Exception e) {
        String text = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        return text.replaceAll("\\p{Cntrl}", "").strip();
    }
}
