package org.placementmatcher.data;

import static org.placementmatcher.data.SampleDataGenerator.HOME_AUTHORITY;

import java.util.List;
import org.placementmatcher.contract.AdjoiningAuthorities;

/** Dataset sizes: children and providers targets, and the file name the CLI writes. */
public enum SampleSize {
    /** A quick demo: ~100 children. */
    SMALL(100, 90, "small.json", "Sample small caseload"),
    /** calibration.md: a mid-sized county's caseload is 450-550 children (Cambridgeshire ~476-508). */
    COUNTY(500, 450, "county.json", "Sample county caseload"),
    LARGE(1_200, 1_000, "county-1200.json", "Sample large county caseload (1,200 children)"),
    /** Scale test: a whole region's caseload under one commissioning authority. */
    REGION(5_000, 4_000, "region.json", "Sample region-scale caseload"),
    /**
     * A regional care co-operative (contract section 8: 4,000 to 12,000 children, 3,000 to 8,000 providers): the
     * ten Greater Manchester councils, each child carrying its council as {@code responsibleAuthority}.
     */
    RCC(12_000, 8_000, "rcc.json", "Sample regional care co-operative caseload (Greater Manchester)"),
    /**
     * England-wide: about the number of children looked after in England (83,630 on 31 March 2024, DfE), over
     * authorities in every region. Generated on demand, never committed (tens of megabytes).
     */
    NATIONAL(80_000, 50_000, "national.json", "Sample England-wide caseload");

    private final int children;
    private final int providers;
    private final String fileName;
    private final String label;

    SampleSize(int children, int providers, String fileName, String label) {
        this.children = children;
        this.providers = providers;
        this.fileName = fileName;
        this.label = label;
    }

    /** Whether the size is kept under {@code sample-data/} (and written by {@code generate --all}). */
    public boolean committed() {
        return this != NATIONAL;
    }

    /** The authorities generated, each a block of its share of the children and providers. */
    List<Areas.Member> members() {
        return switch (this) {
            case RCC -> GreaterManchesterAreas.members();
            case NATIONAL -> EnglandAreas.members();
            default -> List.of(new Areas.Member(Geography.CAMBRIDGESHIRE_AREA, 1));
        };
    }

    /** The problem's {@code homeAuthority}. */
    String homeAuthority() {
        return switch (this) {
            case RCC -> GreaterManchesterAreas.MANCHESTER; // the co-operative's host council
            case NATIONAL -> EnglandAreas.ENGLAND;
            default -> HOME_AUTHORITY;
        };
    }

    /**
     * The problem's {@code adjoiningAuthorities}: for one authority the list form (adjoining the home authority);
     * for the several authorities of rcc and national the object form, each authority with its own (section 8).
     */
    AdjoiningAuthorities adjoiningAuthorities() {
        return switch (this) {
            case RCC -> AdjoiningAuthorities.byCode(GreaterManchesterAreas.adjoining());
            case NATIONAL -> AdjoiningAuthorities.byCode(EnglandAreas.adjoining());
            default -> AdjoiningAuthorities.ofHome(Geography.ADJOINING_AUTHORITIES);
        };
    }

    public int children() {
        return children;
    }

    public int providers() {
        return providers;
    }

    public String fileName() {
        return fileName;
    }

    String label() {
        return label;
    }
}
