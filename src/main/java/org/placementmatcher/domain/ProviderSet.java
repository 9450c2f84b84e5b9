package org.placementmatcher.domain;

import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;

/**
 * A unit's candidates as the solver's value range: in the candidates' order (cheapest first), answering "is this
 * provider in range" from a bit per provider.
 *
 * <p>Why not the list itself: Timefold 2.2 checks every assigned unit's provider against its value range whenever it
 * takes a working solution (at the start of a solve), and a list value range answers that from a hash set of the
 * whole list, built on first use and kept. On a co-operative (rcc: 27 million eligible pairs) those hash sets held
 * more of the heap than the rest of the solve. A set value range asks the set itself. (Timefold still builds its
 * cache for a unit whose range it samples at random, as its plain change moves do, so the saving is largest where
 * the construction takes most of the time.) Timefold takes only a set whose order is defined, so this is a sorted set:
 * ordered as the candidates are.
 */
final class ProviderSet extends AbstractSet<Provider> implements SortedSet<Provider> {

    private final List<Provider> candidates;
    /** The candidates' indices ({@link Provider#getIndex()}), as bits or (when given) sorted. */
    private final BitSet indices;

    private final int[] sortedIndices;

    /** @param candidates the providers, each once, all of one problem */
    ProviderSet(List<Provider> candidates) {
        this.candidates = candidates;
        this.sortedIndices = null;
        this.indices = new BitSet();
        for (Provider p : candidates) {
            indices.set(p.getIndex());
        }
    }

    /**
     * @param sortedIndices the candidates' indices, sorted: shared with a limited unit, whose few candidates among
     *     a national problem's providers take less room so than as a bit per provider
     */
    ProviderSet(List<Provider> candidates, int[] sortedIndices) {
        this.candidates = candidates;
        this.sortedIndices = sortedIndices;
        this.indices = null;
    }

    /** Whether this set was made from that very list. */
    boolean isOf(List<Provider> list) {
        return candidates == list;
    }

    /**
     * Equal to another unit's only in the same order: Timefold keeps one range for the units whose ranges are equal,
     * and iterates it for each of them, so equal must mean the same order (as it did for the list ranges).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderSet set && (set.candidates == candidates || set.candidates.equals(candidates));
    }

    @Override
    public int hashCode() {
        return candidates.hashCode();
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof Provider p)) {
            return false;
        }
        return indices != null
                ? indices.get(p.getIndex())
                : java.util.Arrays.binarySearch(sortedIndices, p.getIndex()) >= 0;
    }

    @Override
    public Iterator<Provider> iterator() {
        return candidates.iterator();
    }

    @Override
    public int size() {
        return candidates.size();
    }

    /** By position among the candidates (a linear search: the solver never asks). */
    @Override
    public Comparator<? super Provider> comparator() {
        return Comparator.comparingInt(this::position);
    }

    @Override
    public SortedSet<Provider> subSet(Provider fromElement, Provider toElement) {
        return new ProviderSet(candidates.subList(position(fromElement), position(toElement)));
    }

    @Override
    public SortedSet<Provider> headSet(Provider toElement) {
        return new ProviderSet(candidates.subList(0, position(toElement)));
    }

    @Override
    public SortedSet<Provider> tailSet(Provider fromElement) {
        return new ProviderSet(candidates.subList(position(fromElement), candidates.size()));
    }

    @Override
    public Provider first() {
        if (candidates.isEmpty()) {
            throw new NoSuchElementException();
        }
        return candidates.getFirst();
    }

    @Override
    public Provider last() {
        if (candidates.isEmpty()) {
            throw new NoSuchElementException();
        }
        return candidates.getLast();
    }

    private int position(Provider provider) {
        int position = candidates.indexOf(provider);
        if (position < 0) {
            throw new IllegalArgumentException("not a candidate: " + provider);
        }
        return position;
    }
}
