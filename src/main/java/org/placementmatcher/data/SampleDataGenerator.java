package org.placementmatcher.data;

import static org.placementmatcher.data.IdNumbering.pad;
import static org.placementmatcher.data.RandomDraws.shuffle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import org.placementmatcher.domain.PlacementRules;

/**
 * Synthetic sample caseloads for Cambridgeshire (the seed council of calibration.md): pseudonymous
 * children ("C-0001"), fostering households, children's homes and supported lodgings ("P-0001"),
 * calibrated on the national figures of {@code docs/calibration.md}. Nothing is real
 * except the town coordinates and the ONS authority codes.
 *
 * <p>How it is built, so that the problem is meaningful for the solver:
 * <ol>
 * <li>Children are drawn in sibling groups (ages, gender, UASC, needs, flags), then about 72% of
 * them are chosen to be in a placement already.</li>
 * <li>Each placed child (or {@code placeTogether} sibling group) is given a current placement by a
 * greedy pass that checks every hard rule of the contract's section 2 (through {@link PlacementRules},
 * on the engine's own view of the children and providers); when no existing provider
 * of the chosen type has a free, eligible place, a provider is created for it. So the current
 * placements are feasible by construction.</li>
 * <li>Every waiting child and every {@code needsMove} child gets a hidden <em>reserved</em> place,
 * again checked against every hard rule together with everyone else there. The reservations are
 * not written out; they prove that a feasible plan placing all of those children exists.</li>
 * <li>A few waiting children (about 2%) are deliberately left without any option: emergencies
 * with rare combined needs whose matching households are not emergency-approved. They show
 * "unplaced only where supply truly runs out".</li>
 * <li>Vacant providers are added up to the size's provider count, and spare places are trimmed
 * (never one the hidden plan uses) towards the 16% national vacancy rate, judged once every child
 * is placed.</li>
 * </ol>
 * Settled children (placed, neither pinned nor moving) carry urgency {@code URGENT}: leaving one
 * unplaced costs as much as leaving an urgent waiting child, so only an emergency can outweigh it.
 * Waiting and moving children carry their own urgency and {@code neededBy}.
 *
 * <p>Fully deterministic for a given (size, seed): one {@link SplittableRandom}, lists only.
 *
 * <p>Where each step lives: {@link AuthorityBlock} runs them in order for each authority of the
 * {@link SampleSize}. {@link ChildDraw} draws the children (1); {@link CaseloadStatus} chooses who is placed,
 * who waits and who is left without options (1, 4); {@link HiddenPlan} makes the current placements and the
 * reservations, takes the emergency approvals the hard children could use, adds the vacant providers and trims
 * the spare places (2-5), with providers from {@link ProviderPool} judged by {@link DraftPlacementRules}. The
 * figures are those of {@link SampleCalibration}.
 */
public final class SampleDataGenerator {

    public static final long DEFAULT_SEED = 20261122L;
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 22);
    /** calibration.md: seed council, Cambridgeshire (caseload ~476-508 in 2011-2016). */
    public static final String HOME_AUTHORITY = Geography.CAMBRIDGESHIRE;

    private SampleDataGenerator() {}

    /** The sample data, its locations labelled with the nearest postcode of the project's shipped extract. */
    public static PlacementProblem generate(SampleSize size, long seed) {
        return generate(size, seed, ShippedPostcodes.DIRECTORY);
    }

    /**
     * The sample data, each location (home, school, provider) labelled with the nearest postcode of
     * {@code postcodes}. The labels never move a point: the coordinates, and so every figure, are the same
     * whatever directory is given.
     */
    public static PlacementProblem generate(SampleSize size, long seed, PostcodeDirectory postcodes) {
        return new Generation(size, seed, postcodes, 1).build();
    }

    /**
     * The size with its children and providers targets divided by {@code divisor}, over the same authorities: a
     * quick check of the large sizes' shape (the tests' scaled-down {@code national}).
     */
    static PlacementProblem generateScaled(SampleSize size, long seed, int divisor) {
        return new Generation(size, seed, ShippedPostcodes.DIRECTORY, divisor).build();
    }

    /** Loaded on first use only. */
    private static final class ShippedPostcodes {
        static final PostcodeDirectory DIRECTORY = PostcodeDirectory.shipped();
    }

    /** Pretty-printed JSON (two-space indent, "\n" line ends, no nulls), as {@link #write} writes it. */
    public static String toJson(PlacementProblem problem) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return ContractJson.mapper().writer(printer).writeValueAsString(problem) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(PlacementProblem problem, Path file) {
        try {
            Files.writeString(file, toJson(problem), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    // ---- one generation: a block per authority of the size, then the file ----

    private static final class Generation {
        private final SampleSize size;
        private final long seed;
        private final PostcodeDirectory postcodes;
        private final int divisor;
        private final SplittableRandom rng;

        Generation(SampleSize size, long seed, PostcodeDirectory postcodes, int divisor) {
            this.size = size;
            this.seed = seed;
            this.postcodes = postcodes;
            this.divisor = divisor;
            this.rng = new SplittableRandom(seed);
        }

        /**
         * Each authority's block on its own share of the targets (a single-authority size is one block on this
         * generation's random source, so its files are what they always were; several blocks each get a split of
         * it), then one numbering of the providers over them all.
         */
        PlacementProblem build() {
            List<Areas.Member> members = size.members();
            int children = size.children() / divisor;
            int providerCount = size.providers() / divisor;
            boolean several = members.size() > 1;
            int width = Math.max(4, String.valueOf(children).length());
            IdNumbering numbering = several ? new IdNumbering(width, width) : new IdNumbering(0, 0);
            int weightLeft = members.stream().mapToInt(Areas.Member::weight).sum();
            int childrenLeft = children;
            int providersLeft = providerCount;
            List<AuthorityBlock> blocks = new ArrayList<>();
            for (Areas.Member member : members) {
                int blockChildren = (int) Math.round((double) childrenLeft * member.weight() / weightLeft);
                int blockProviders = (int) Math.round((double) providersLeft * member.weight() / weightLeft);
                weightLeft -= member.weight();
                childrenLeft -= blockChildren;
                providersLeft -= blockProviders;
                blocks.add(AuthorityBlock.generate(
                        member.area(),
                        blockChildren,
                        blockProviders,
                        several ? rng.split() : rng,
                        numbering,
                        several ? member.area().authority() : null));
            }
            return output(blocks);
        }

        private PlacementProblem output(List<AuthorityBlock> blocks) {
            List<DraftProvider> ordered = new ArrayList<>();
            List<DraftChild> kids = new ArrayList<>();
            for (AuthorityBlock block : blocks) {
                ordered.addAll(block.providers());
                kids.addAll(block.kids());
            }
            shuffle(rng, ordered);
            int width = Math.max(4, String.valueOf(ordered.size()).length());
            for (int i = 0; i < ordered.size(); i++) {
                ordered.get(i).id = "P-" + pad(i + 1, width);
            }
            List<ProviderInput> providerInputs = new ArrayList<>();
            for (DraftProvider p : ordered) {
                p.postcode = postcodeAt(p.lat, p.lon);
                providerInputs.add(p.toInput());
            }
            providerInputs = SampleOfstedList.withOfstedFields(providerInputs, seed);
            List<ChildInput> childInputs = new ArrayList<>();
            for (DraftChild k : kids) {
                k.homePostcode = postcodeAt(k.homeLat, k.homeLon);
                k.schoolPostcode = k.school == null ? null : postcodeAt(k.school[0], k.school[1]);
                childInputs.add(k.toInput(k.current == null ? null : k.current.id, 0));
            }
            String name = size.label() + " (synthetic, seed " + seed + ")";
            return new PlacementProblem(
                    1,
                    name,
                    REFERENCE_DATE,
                    size.homeAuthority(),
                    null,
                    List.copyOf(providerInputs),
                    List.copyOf(childInputs),
                    size.adjoiningAuthorities(),
                    null);
        }

        /** The label of a point: the nearest postcode of the directory (none beyond 50 km). */
        private String postcodeAt(double lat, double lon) {
            return postcodes.nearest(lat, lon).map(ResolvedPostcode::postcode).orElse(null);
        }
    }
}
