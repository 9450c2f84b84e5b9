package org.placementmatcher.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A streaming pass over a JSON text before it is built into a tree: a tree of millions of tiny values (a 64 MB
 * body of {@code {}}s is some 21 million objects) would exhaust the heap before any record count is checked.
 * Streaming keeps nothing, so the first array longer than {@link InputLimits#MAX_ARRAY_ENTRIES} is refused
 * cheaply; every list in the contract is bounded by that. A syntax error met on the way is Jackson's, as the tree
 * pass would give it; duplicate keys and anything after the value are left to the tree pass.
 */
final class ArrayLengthCheck {

    private ArrayLengthCheck() {}

    /** A JSON array past the limit: its path and the validator's own message, as a parse failure of the text. */
    static final class TooManyEntries extends JsonProcessingException {

        private final String path;

        TooManyEntries(String path, long entries) {
            super(InputLimits.tooManyEntries(entries, InputLimits.MAX_ARRAY_ENTRIES));
            this.path = path;
        }

        ProblemError error() {
            return new ProblemError(path, getOriginalMessage());
        }
    }

    /** Throws {@link TooManyEntries} for the first array past the limit; a syntax error found on the way, as Jackson. */
    static void check(JsonFactory factory, String json) throws JsonProcessingException {
        try (JsonParser parser = factory.createParser(json)) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                if (context.inRoot() && !token.isStructStart()) {
                    return; // the value is read; what follows it is for the tree pass to refuse, in its words
                }
                if (token.isStructEnd() || token == JsonToken.FIELD_NAME) {
                    continue;
                }
                // A value: the array or object holding it is its context, or (for an array or object) the parent's.
                JsonStreamContext container = token.isStructStart() ? context.getParent() : context;
                if (container.inArray() && container.getCurrentIndex() >= InputLimits.MAX_ARRAY_ENTRIES) {
                    throw new TooManyEntries(pathOf(container), countTheRest(parser, container.getCurrentIndex()));
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
    }

    /** The array's full length, for the message; each remaining entry skipped without being kept. */
    private static long countTheRest(JsonParser parser, int index) throws IOException {
        long entries = index + 1L;
        parser.skipChildren();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                break; // the text ends inside the array: the tree pass would say so, the length is the message here
            }
            entries++;
            parser.skipChildren();
        }
        return entries;
    }

    /** The JSON path of the value a parsing context holds, e.g. {@code $.problem.providers}. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext c = context;
                c.getParent() != null && !c.getParent().inRoot();
                c = c.getParent()) {
            JsonStreamContext parent = c.getParent();
            steps.push(
                    parent.inArray()
                            ? "[" + parent.getCurrentIndex() + "]"
                            : "." + TextRules.shortened(parent.getCurrentName(), TextRules.MAX_CODE_LENGTH));
        }
        return "$" + String.join("", steps);
    }
}
