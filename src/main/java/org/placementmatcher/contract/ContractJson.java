package org.placementmatcher.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one Jackson configuration for the contract's JSON: ISO dates, unknown fields ignored (extensions),
 * and strict as the contract's section 10 asks: a duplicate key or anything after the value is malformed.
 */
public final class ContractJson {

    private static final ObjectMapper MAPPER = configure(new BoundedMapper());

    private ContractJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Every request body is read as a tree through {@code readTree(String)}: here, so that no caller can forget it,
     * a streaming pass first refuses an array too long to build ({@link ArrayLengthCheck}).
     */
    private static final class BoundedMapper extends ObjectMapper {

        BoundedMapper() {}

        private BoundedMapper(BoundedMapper source) {
            super(source);
        }

        @Override
        public ObjectMapper copy() {
            return new BoundedMapper(this);
        }

        @Override
        public JsonNode readTree(String content) throws JsonProcessingException {
            ArrayLengthCheck.check(getFactory(), content);
            return super.readTree(content);
        }
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }

    /**
     * The bytes of a request body as text, decoded strictly: a malformed or overlong sequence, or an encoded
     * surrogate, is invalid input naming the byte where it starts (rather than silently replaced, which would
     * change an id). UTF-8 unless the body names another charset.
     */
    public static String decode(byte[] body, Charset charset) {
        CharsetDecoder decoder = (charset == null ? StandardCharsets.UTF_8 : charset)
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.min(
                Integer.MAX_VALUE - 16, (long) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidProblemException(List.of(new ProblemError(
                    "$",
                    "the body is not valid " + decoder.charset().name() + ": an invalid byte sequence at byte "
                            + (in.position() + 1))));
        }
        return out.flip().toString();
    }
}
