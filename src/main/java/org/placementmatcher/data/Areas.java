package org.placementmatcher.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.placementmatcher.data.Geography.Area;
import org.placementmatcher.data.Geography.Town;

/**
 * The geography of the multi-authority sizes: the ten Greater Manchester councils of a regional care
 * co-operative ({@code rcc}, {@link GreaterManchesterAreas}), and authorities in every region of England
 * ({@code national}, {@link EnglandAreas}). Real ONS codes and approximate town-centre coordinates; the caseload
 * weights are illustrative (roughly each authority's share of children looked after, DfE 2024, rounded), not
 * published figures. Lists are fixed (determinism). This class holds what both tables share: an authority with its
 * towns, and how its area and its adjoining authorities are formed from the authorities around it.
 */
final class Areas {

    /** One authority of a multi-authority size and its relative share of the size's children and providers. */
    record Member(Area area, int weight) {}

    /** An authority with its towns (the first is its main town) and its caseload weight. */
    record Council(String code, int weight, List<Town> towns) {
        Town main() {
            return towns.getFirst();
        }
    }

    /** A council from its towns written out flat, four values a town, so that the tables stay short. */
    static Council council(String code, int weight, Object... nameLatLonWeight) {
        List<Town> towns = new ArrayList<>();
        for (int i = 0; i < nameLatLonWeight.length; i += 4) {
            towns.add(new Town(
                    (String) nameLatLonWeight[i],
                    code,
                    (Double) nameLatLonWeight[i + 1],
                    (Double) nameLatLonWeight[i + 2],
                    (Integer) nameLatLonWeight[i + 3]));
        }
        return new Council(code, weight, List.copyOf(towns));
    }

    /**
     * The {@code adjoiningAuthorities} in the object form (contract section 8): each council adjoined by the others of
     * its group and by {@code around}.
     */
    static Map<String, List<String>> adjoiningWithin(List<List<Council>> groups, List<String> around) {
        Map<String, List<String>> adjoining = new TreeMap<>();
        for (List<Council> group : groups) {
            for (Council council : group) {
                List<String> codes = new ArrayList<>();
                group.stream().filter(other -> other != council).forEach(other -> codes.add(other.code()));
                codes.addAll(around);
                adjoining.put(council.code(), List.copyOf(codes));
            }
        }
        return adjoining;
    }

    /** The towns of the other councils of the council's group, in the group's order: those it adjoins. */
    static List<Town> otherTownsOf(List<Council> group, Council council) {
        List<Town> towns = new ArrayList<>();
        for (Council other : group) {
            if (other != council) {
                towns.addAll(other.towns());
            }
        }
        return towns;
    }

    /** The council's area: its own towns as "the county", with the towns adjoining it and those far from it. */
    static Area area(Council council, List<Town> adjoining, List<Town> far) {
        List<Town> riskAreas = council.towns().stream()
                .map(t -> new Town(t.name(), t.authority(), t.lat(), t.lon(), t.weight(), 1.0))
                .toList();
        return new Area(
                council.code(), council.towns(), council.towns(), riskAreas, List.copyOf(adjoining), List.copyOf(far));
    }

    private Areas() {}
}
