package org.placementmatcher.data.ssda903;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.placementmatcher.contract.InputLimits;
import org.placementmatcher.contract.TextRules;

/**
 * The SSDA903 return as one XML file, the DfE's form of it: under the root, one {@code CHILD} element a child,
 * holding a {@code HEADER} (the Header table's fields, the child's id as {@code CHILDID}; {@code UASC} 1 with
 * {@code DUC} for an unaccompanied asylum-seeking child) and one {@code EPISODE} an episode (the placement as
 * {@code PL}). The fields become rows of the same tables as the CSV form, with the CSV's column names, so that
 * both are checked and imported alike; each problem names the line of the field's element. Groups the import does
 * not read (reviews, missing episodes, outcomes) are read past. No DTD or external entity is ever resolved.
 */
public final class Ssda903Xml {

    /** XML element names that differ from the CSV column names. */
    private static final Map<String, String> COLUMN_OF = Map.of("CHILDID", "CHILD", "PL", "PLACE");

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    /** The fields of one element (HEADER or EPISODE) with the line of each. */
    private record Fields(int line, Map<String, String> cells, Map<String, Integer> lines) {}

    private Ssda903Xml() {}

    public static Ssda903Files read(String xml, Ssda903Problems problems) {
        List<Ssda903Row> header = new ArrayList<>();
        List<Ssda903Row> episodes = new ArrayList<>();
        List<Ssda903Row> uasc = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml == null ? "" : xml));
            reader.nextTag(); // the root
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!reader.getLocalName().equals("CHILD")) {
                    skip(reader);
                    continue;
                }
                if (header.size() >= InputLimits.MAX_CHILDREN) {
                    problems.add(
                            Ssda903Table.HEADER,
                            reader.getLocation().getLineNumber(),
                            null,
                            "is past the limit: at most " + InputLimits.MAX_CHILDREN + " children in one file");
                    break;
                }
                readChild(reader, header, episodes, uasc);
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            String reason =
                    e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*", "");
            problems.add(new Ssda903Problem(
                    "XML", line, null, "the XML cannot be read: " + TextRules.shortened(reason.strip(), 200)));
        } finally {
            close(reader);
        }
        return new Ssda903Files(header, episodes, uasc);
    }

    private static void readChild(
            XMLStreamReader reader, List<Ssda903Row> header, List<Ssda903Row> episodes, List<Ssda903Row> uasc)
            throws XMLStreamException {
        Fields child = null;
        List<Fields> childEpisodes = new ArrayList<>();
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (reader.getLocalName()) {
                case "HEADER" -> child = fields(reader);
                case "EPISODE" -> childEpisodes.add(fields(reader));
                default -> skip(reader);
            }
        }
        if (child == null) {
            child = new Fields(reader.getLocation().getLineNumber(), Map.of(), Map.of());
        }
        String id = child.cells().getOrDefault("CHILD", "");
        header.add(new Ssda903Row(Ssda903Table.HEADER, child.line(), child.cells(), child.lines()));
        if (child.cells().getOrDefault("UASC", "").trim().equals("1")) {
            uasc.add(new Ssda903Row(Ssda903Table.UASC, child.line(), child.cells(), child.lines()));
        }
        for (Fields episode : childEpisodes) {
            Map<String, String> cells = new HashMap<>(episode.cells());
            Map<String, Integer> lines = new HashMap<>(episode.lines());
            cells.put("CHILD", id);
            lines.put("CHILD", child.lines().getOrDefault("CHILD", child.line()));
            episodes.add(new Ssda903Row(Ssda903Table.EPISODES, episode.line(), cells, lines));
        }
    }

    /** The text fields directly inside the element; nested groups are read past. */
    private static Fields fields(XMLStreamReader reader) throws XMLStreamException {
        int line = reader.getLocation().getLineNumber();
        Map<String, String> cells = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = reader.getLocalName();
            int fieldLine = reader.getLocation().getLineNumber();
            String text = leafText(reader);
            if (text != null) {
                String column = COLUMN_OF.getOrDefault(name, name);
                cells.put(column, text);
                lines.put(column, fieldLine);
            }
        }
        return new Fields(line, cells, lines);
    }

    /** The element's text, or null (read past) when it holds elements. */
    private static String leafText(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    skip(reader); // the nested element
                    skip(reader); // the rest of this one
                    return null;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    /** Reads to the end of the element the reader is in (just past its start tag). */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held open: the text is in memory
            }
        }
    }
}
