package org.placementmatcher.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.qute.TemplateExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Councils by name as well as code ("Cambridgeshire (E10000003)"), from the table of English upper-tier local
 * authorities kept in {@code src/main/resources/authorities/upper-tier-authorities.csv} (ONS codes and names; its
 * source is named at its top). A code not in the table is shown as it is.
 *
 * <p>In templates: {@code {authority:label(code)}} gives "Name (code)", {@code {authority:name(code)}} the name
 * alone or the code when the name is unknown. In Java: {@link #label(String)}, {@link #name(String)}.
 */
public final class AuthorityNames {

    static final String TABLE = "authorities/upper-tier-authorities.csv";

    private static final Map<String, String> NAMES = load();

    private AuthorityNames() {}

    /** "Name (code)" where the name is known, else the code; "all authorities" for {@code *}. */
    @TemplateExtension(namespace = "authority")
    public static String label(String code) {
        if (code == null) {
            return "";
        }
        if ("*".equals(code)) {
            return "all authorities (*)";
        }
        String name = NAMES.get(code);
        return name == null ? code : name + " (" + code + ")";
    }

    /** The name where known, else the code itself. */
    @TemplateExtension(namespace = "authority")
    public static String name(String code) {
        return code == null ? "" : NAMES.getOrDefault(code, code);
    }

    /** The name, if the table knows the code. */
    public static Optional<String> known(String code) {
        return Optional.ofNullable(code == null ? null : NAMES.get(code));
    }

    /** Every code with its name, in the table's order. */
    static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> load() {
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.ALLOW_COMMENTS)
                .enable(CsvParser.Feature.TRIM_SPACES)
                .build();
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = AuthorityNames.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("the table of authority names " + TABLE + " is missing");
            }
            MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(in);
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                if (names.put(row.get("code"), row.get("name")) != null) {
                    throw new IllegalStateException(TABLE + " lists " + row.get("code") + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }
}
