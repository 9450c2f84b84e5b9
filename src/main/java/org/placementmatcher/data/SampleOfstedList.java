package org.placementmatcher.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.ProviderType;

/**
 * The sample data's Ofsted side: synthetic URNs ({@code SC} and six digits) and judgements for the sample's
 * children's homes and supported accommodation, and the Ofsted-style provider list naming them, as
 * {@code POST /api/register/{authority}/import/ofsted} reads it. Nothing is copied from Ofsted's lists.
 *
 * <p>Drawn from a random stream of its own, seeded from the sample's seed, so the rest of the sample (and every
 * figure measured on it) is as it was without it; every provider stays registered, and the problems set no
 * minimum judgement, so no score changes.
 */
public final class SampleOfstedList {

    /** Ofsted's judgements in the proportions drawn: most homes good, a few outstanding or worse. */
    private static final double[] JUDGEMENT_SHARES = {0.15, 0.65, 0.17, 0.03};

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);

    private SampleOfstedList() {}

    /** The providers with a URN and a judgement for each children's home and supported accommodation. */
    static List<ProviderInput> withOfstedFields(List<ProviderInput> providers, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x0F57EDL);
        Set<String> urns = new HashSet<>();
        List<ProviderInput> marked = new ArrayList<>(providers.size());
        for (ProviderInput p : providers) {
            if (!isOfstedRegistered(p.type())) {
                marked.add(p);
                continue;
            }
            String urn;
            do {
                urn = String.format(Locale.ROOT, "SC%06d", random.nextInt(1_000_000));
            } while (!urns.add(urn));
            marked.add(p.withOfsted(urn, null, judgement(random.nextDouble())));
        }
        return marked;
    }

    private static boolean isOfstedRegistered(ProviderType type) {
        return type == ProviderType.RESIDENTIAL_HOME || type == ProviderType.SUPPORTED_LODGINGS;
    }

    private static OfstedJudgement judgement(double draw) {
        double cumulative = 0;
        for (OfstedJudgement judgement : OfstedJudgement.values()) {
            cumulative += JUDGEMENT_SHARES[judgement.ordinal()];
            if (draw < cumulative) {
                return judgement;
            }
        }
        return OfstedJudgement.INADEQUATE;
    }

    /**
     * The Ofsted-style list (CSV, Ofsted's column names and words) of the problem's providers that carry a URN,
     * located by the directory's postcode nearest to each; the registration date is drawn from the URN, so the
     * list is the same whenever it is made.
     */
    public static String csv(PlacementProblem problem, PostcodeDirectory postcodes) {
        StringBuilder csv = new StringBuilder("URN,Provider type,Provider subtype,Setting name,Registration status,"
                + "Registration date,Closed date,Places,Postcode,Local authority,Overall effectiveness\n");
        for (ProviderInput p : problem.providers()) {
            if (p.ofstedUrn() == null) {
                continue;
            }
            boolean home = p.type() == ProviderType.RESIDENTIAL_HOME;
            String postcode = postcodes
                    .nearest(p.location().lat(), p.location().lon())
                    .map(ResolvedPostcode::postcode)
                    .orElse("");
            int digits = Integer.parseInt(p.ofstedUrn().substring(2));
            LocalDate registered = LocalDate.of(2005 + digits % 19, 1 + digits % 12, 1 + digits % 28);
            csv.append(String.join(
                            ",",
                            p.ofstedUrn(),
                            home ? "Children's home" : "Supported accommodation",
                            home ? "Children's home" : "Supported accommodation",
                            "Synthetic setting " + p.id(),
                            "Active",
                            DAY.format(registered),
                            "",
                            String.valueOf(p.places()),
                            postcode,
                            p.localAuthority(),
                            words(p.ofstedJudgement())))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String words(OfstedJudgement judgement) {
        return switch (judgement) {
            case null -> "";
            case OUTSTANDING -> "Outstanding";
            case GOOD -> "Good";
            case REQUIRES_IMPROVEMENT -> "Requires improvement to be good";
            case INADEQUATE -> "Inadequate";
        };
    }
}
